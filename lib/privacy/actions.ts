"use server";
import { revalidatePath } from "next/cache";
import { runAdminAction } from "@/lib/actions/admin-run";
import { getSessionUser } from "@/lib/auth/session";
import { erasePersonAction, placeLegalHold, releaseLegalHold, updateRetention } from "./commands";

const PRIVACY_PAGES = ["/agent/beheer/privacy"] as const;

export async function updateRetentionAction(input: unknown) {
  return runAdminAction(updateRetention, input, PRIVACY_PAGES);
}
export async function placeLegalHoldAction(input: unknown) {
  return runAdminAction(placeLegalHold, input, PRIVACY_PAGES);
}
export async function releaseLegalHoldAction(input: unknown) {
  return runAdminAction(releaseLegalHold, input, PRIVACY_PAGES);
}
export async function erasePersonServerAction(input: unknown) {
  const result = await erasePersonAction.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/privacy", "layout");
  return result;
}
