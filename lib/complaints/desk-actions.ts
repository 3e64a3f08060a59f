"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { addComplaintNoteAction, answerComplaintAction, referComplaintAction } from "./desk-commands";

async function run(action: typeof answerComplaintAction | typeof addComplaintNoteAction | typeof referComplaintAction, input: unknown) {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/klachten", "layout");
  return result;
}

export async function answerComplaintFormAction(input: unknown) {
  return run(answerComplaintAction, input);
}
export async function addComplaintNoteFormAction(input: unknown) {
  return run(addComplaintNoteAction, input);
}
export async function referComplaintFormAction(input: unknown) {
  return run(referComplaintAction, input);
}
