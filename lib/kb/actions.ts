"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { createKbArticle, publishKbArticle, updateKbArticle } from "./commands";

export async function createKbArticleAction(input: unknown) {
  const result = await createKbArticle.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/kennisbank");
  return result;
}

export async function updateKbArticleAction(input: unknown) {
  const result = await updateKbArticle.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/kennisbank");
  return result;
}

export async function publishKbArticleAction(input: unknown) {
  const result = await publishKbArticle.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/kennisbank");
  return result;
}
