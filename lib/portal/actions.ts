"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { searchPublicArticles } from "@/lib/kb/queries";
import { replyAsBeneficiary, sendPortalMessage } from "./commands";
import { formToObject, kbSearchSchema } from "./schema";

export async function sendPortalMessageAction(form: FormData) {
  const result = await sendPortalMessage.execute(await getSessionUser(), formToObject(form), new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

export async function replyAsBeneficiaryAction(form: FormData) {
  const result = await replyAsBeneficiary.execute(await getSessionUser(), formToObject(form), new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

/** Public articles matching what the person is typing, shown before they send. */
export async function suggestArticlesAction(input: unknown) {
  const user = await getSessionUser();
  const parsed = kbSearchSchema.safeParse(input);
  if (!user || !parsed.success || parsed.data.query.length < 3) return [];
  return searchPublicArticles(db, parsed.data.query, user.locale === "en" ? "en" : "nl", 5);
}
