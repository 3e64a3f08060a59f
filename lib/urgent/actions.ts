"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { recordUrgentVerification, relinkUrgentPreAnnouncement, submitUrgentRequest, updatePreAnnouncementExpiry, updateUrgentWords } from "./commands";

export async function submitUrgentRequestAction(input: unknown) {
  const result = await submitUrgentRequest.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}

export async function recordVerificationAction(input: unknown) {
  const result = await recordUrgentVerification.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}

export async function relinkPreAnnouncementAction(input: unknown) {
  const result = await relinkUrgentPreAnnouncement.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}

export async function updateUrgentWordsAction(input: unknown) {
  const result = await updateUrgentWords.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/instellingen");
  return result;
}

export async function updatePreAnnouncementExpiryAction(input: unknown) {
  const result = await updatePreAnnouncementExpiry.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/instellingen");
  return result;
}
