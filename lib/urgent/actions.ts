"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { submitUrgentRequest } from "./commands";

export async function submitUrgentRequestAction(input: unknown) {
  const result = await submitUrgentRequest.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}
