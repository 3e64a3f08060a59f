"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { createApiToken, revokeApiToken } from "./token-commands";

export async function createApiTokenAction(input: unknown) {
  const result = await createApiToken.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/api");
  return result;
}

export async function revokeApiTokenAction(input: unknown) {
  const result = await revokeApiToken.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/api");
  return result;
}
