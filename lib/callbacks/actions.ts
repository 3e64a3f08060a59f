"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { bookPortalCallback, cancelPortalCallback, movePortalCallback } from "@/lib/portal/callback-commands";
import { updateAttemptTiming } from "./attempt-settings";

export async function bookPortalCallbackAction(input: unknown) {
  const result = await bookPortalCallback.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

export async function movePortalCallbackAction(input: unknown) {
  const result = await movePortalCallback.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

export async function cancelPortalCallbackAction(input: unknown) {
  // No revalidation: it would re-render the list at once and take the cancelled row and its
  // confirmation with it; the portal pages are dynamic and read the appointments on the next visit.
  return cancelPortalCallback.execute(await getSessionUser(), input, new Date());
}

export async function updateAttemptTimingAction(input: unknown) {
  const result = await updateAttemptTiming.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/instellingen");
  return result;
}
