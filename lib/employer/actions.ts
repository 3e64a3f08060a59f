"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { fileQuestion, replyToTicket } from "./commands";
import { requestHrDeskConversation } from "./hr-desk";
import { pickedFiles } from "@/lib/uploads/rules";

/** Takes the form itself so the files travel with it. */
export async function fileQuestionAction(form: FormData) {
  const input = {
    categoryKey: form.get("categoryKey"),
    subject: form.get("subject"),
    body: form.get("body"),
    // An empty file input still sends one empty file: leave those out.
    files: pickedFiles(form, "files"),
  };
  const result = await fileQuestion.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}

export async function replyAction(input: unknown) {
  const result = await replyToTicket.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}

export async function requestHrDeskAction(input: unknown) {
  const result = await requestHrDeskConversation.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}
