"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { logPhoneCall, logPhonePreAnnouncement } from "./commands";

export async function logCallAction(input: unknown) {
  const result = await logPhoneCall.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}

export async function logPreAnnouncementAction(input: unknown) {
  const result = await logPhonePreAnnouncement.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/telefoon");
  return result;
}
