"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { createMacroAction, renderMacroAction, updateMacroAction } from "./commands";

export async function createMacro(input: unknown) {
  const result = await createMacroAction.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/kennisbank");
  return result;
}

export async function updateMacro(input: unknown) {
  const result = await updateMacroAction.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/kennisbank");
  return result;
}

export async function renderMacro(input: unknown) {
  return renderMacroAction.execute(await getSessionUser(), input, new Date());
}
