"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { updatePostalAddress } from "./commands";

export async function updatePostalAddressAction(input: unknown) {
  const result = await updatePostalAddress.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent", "layout");
  return result;
}
