"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { markAllNotificationsRead, openNotificationAction, saveNotificationPreferences } from "./commands";

const INBOX = "/agent/meldingen";

export async function openNotificationFromInbox(input: unknown) {
  const result = await openNotificationAction.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(INBOX);
  return result;
}

export async function markAllNotificationsReadAction() {
  const result = await markAllNotificationsRead.execute(await getSessionUser(), {}, new Date());
  if (result.ok) revalidatePath(INBOX);
  return result;
}

export async function saveNotificationPreferencesAction(input: unknown) {
  const result = await saveNotificationPreferences.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(`${INBOX}/voorkeuren`);
  return result;
}
