"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { escalateEmployerTier2, raiseEmployerEscalation } from "./commands";

export async function raiseEscalationAction(input: unknown) {
  const result = await raiseEmployerEscalation.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}

export async function escalateTier2Action(input: unknown) {
  const result = await escalateEmployerTier2.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}
