"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/define";
import { runAdminAction } from "@/lib/actions/admin-run";
import { getSessionUser } from "@/lib/auth/session";
import { acceptChatCommand, chatSideActions, customerChatActions, endChatCommand, transferChatCommand, updateChatSettings, updateChatTopics } from "./commands";

// The chat pages follow the conversation live over /api/chat/*/stream; only list pages need a refresh.
const CONSOLE = "/agent/chat";

async function asCustomer<T>(pick: (a: ReturnType<typeof customerChatActions>) => { execute: (u: Awaited<ReturnType<typeof getSessionUser>>, i: unknown, n: Date) => Promise<ActionResult<T>> }, input: unknown) {
  const user = await getSessionUser();
  if (!user) return { ok: false as const, reason: "UNAUTHENTICATED" };
  return pick(customerChatActions(user)).execute(user, input, new Date());
}

export async function startChatAction(input: unknown): Promise<ActionResult<{ chatId: string }>> {
  return asCustomer((a) => a.start, input);
}
export async function leaveChatAction(input: unknown): Promise<ActionResult<undefined>> {
  return asCustomer((a) => a.leave, input);
}
export async function leaveChatAsMessageAction(input: unknown): Promise<ActionResult<{ ticketId: string; number: string }>> {
  const result = await asCustomer((a) => a.leaveAsMessage, input);
  if (result.ok) {
    revalidatePath("/portaal", "layout");
    revalidatePath("/werkgever", "layout");
  }
  return result;
}

/** Send and typing from a page (the API routes take the same path). */
export async function sendChatMessageAction(input: unknown): Promise<ActionResult<{ seq: number }>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, reason: "UNAUTHENTICATED" };
  return chatSideActions(user).send.execute(user, input, new Date());
}
export async function chatTypingAction(input: unknown): Promise<ActionResult<{ written: boolean }>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, reason: "UNAUTHENTICATED" };
  return chatSideActions(user).typing.execute(user, input, new Date());
}

export async function acceptChatAction(input: unknown): Promise<ActionResult<undefined>> {
  const result = await acceptChatCommand.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(CONSOLE, "layout");
  return result;
}
export async function transferChatAction(input: unknown): Promise<ActionResult<undefined>> {
  const result = await transferChatCommand.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(CONSOLE, "layout");
  return result;
}
export async function endChatAction(input: unknown): Promise<ActionResult<{ ticketId: string; number: string }>> {
  const result = await endChatCommand.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(CONSOLE, "layout");
  return result;
}

const ADMIN_PAGES = ["/agent/beheer/lijnen"] as const;
export async function updateChatSettingsAction(input: unknown) {
  return runAdminAction(updateChatSettings, input, ADMIN_PAGES);
}
export async function updateChatTopicsAction(input: unknown) {
  return runAdminAction(updateChatTopics, input, ADMIN_PAGES);
}
