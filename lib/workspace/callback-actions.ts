"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { logCallbackAttempt } from "./attempt";

export async function logAttemptAction(input: unknown) {
  const result = await logCallbackAttempt.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/terugbellen");
  return result;
}
