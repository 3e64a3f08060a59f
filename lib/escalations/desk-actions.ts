"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { answerEscalationAction, moveEscalationUpAction, resolveEscalationAction, takeEscalationAction } from "./desk-commands";

const ACTIONS = { take: takeEscalationAction, answer: answerEscalationAction, resolve: resolveEscalationAction, moveUp: moveEscalationUpAction } as const;

/** One entry point for the board's buttons; each action validates and checks rights itself. */
export async function escalationDeskAction(kind: keyof typeof ACTIONS, input: unknown) {
  const action = ACTIONS[kind];
  if (!action) return { ok: false as const, reason: "INVALID_INPUT" };
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/escalaties");
  return result;
}
