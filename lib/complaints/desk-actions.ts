"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { addComplaintNoteAction, answerComplaintAction, askComplainantAction, referComplaintAction, referToOmbudsmanAction } from "./desk-commands";

async function run(action: typeof answerComplaintAction | typeof askComplainantAction | typeof addComplaintNoteAction | typeof referComplaintAction | typeof referToOmbudsmanAction, input: unknown) {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/klachten", "layout");
  return result;
}

export async function answerComplaintFormAction(input: unknown) {
  return run(answerComplaintAction, input);
}
export async function askComplainantFormAction(input: unknown) {
  const result = await run(askComplainantAction, input);
  // The complainant's pages show the question and that the complaint waits on them.
  if (result.ok) {
    revalidatePath("/portaal", "layout");
    revalidatePath("/werkgever", "layout");
  }
  return result;
}
export async function addComplaintNoteFormAction(input: unknown) {
  return run(addComplaintNoteAction, input);
}
export async function referComplaintFormAction(input: unknown) {
  return run(referComplaintAction, input);
}
export async function referToOmbudsmanFormAction(input: unknown) {
  const result = await run(referToOmbudsmanAction, input);
  // The complainant's pages show the referral and its reason.
  if (result.ok) {
    revalidatePath("/portaal", "layout");
    revalidatePath("/werkgever", "layout");
  }
  return result;
}
