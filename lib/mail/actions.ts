"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { retryMail } from "./admin";
import { confirmMailSender } from "./confirm-sender";

export async function retryMailAction(input: unknown) {
  const result = await retryMail.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/mail");
  return result;
}

export async function confirmSenderAction(input: unknown) {
  const result = await confirmMailSender.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}
