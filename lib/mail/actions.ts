"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { retryMail } from "./admin";

export async function retryMailAction(input: unknown) {
  const result = await retryMail.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/mail");
  return result;
}
