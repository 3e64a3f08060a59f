"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { formToObject } from "@/lib/portal/schema";
import { updatePostalAddress } from "./commands";
import { registerLetter } from "./intake";

export async function updatePostalAddressAction(input: unknown) {
  const result = await updatePostalAddress.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}

export async function registerLetterAction(form: FormData) {
  const result = await registerLetter.execute(await getSessionUser(), formToObject(form), new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}
