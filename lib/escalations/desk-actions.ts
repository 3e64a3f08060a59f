"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { ownValue } from "@/lib/util/own-key";
import { answerEscalationAction, moveEscalationUpAction, resolveEscalationAction, takeEscalationAction } from "./desk-commands";

const ACTIONS = { take: takeEscalationAction, answer: answerEscalationAction, resolve: resolveEscalationAction, moveUp: moveEscalationUpAction } as const;

/** One entry point for the board's buttons; each action validates and checks rights itself. */
export async function escalationDeskAction(kind: keyof typeof ACTIONS, input: unknown) {
  // The kind comes from the caller: only the map's own entries count, never "constructor".
  const action = ownValue(ACTIONS, kind);
  if (!action) return { ok: false as const, reason: "INVALID_INPUT" };
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/escalaties");
  return result;
}
