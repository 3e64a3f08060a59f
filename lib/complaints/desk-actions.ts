"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { addComplaintNoteAction, answerComplaintAction, askComplainantAction, referComplaintAction, referToOmbudsmanAction } from "./desk-commands";

type DeskAction = typeof answerComplaintAction | typeof askComplainantAction | typeof addComplaintNoteAction | typeof referComplaintAction | typeof referToOmbudsmanAction;

/** Runs a desk action; `complainantSees`: the complainant's pages show what it did, so they are refreshed too. */
async function run(action: DeskAction, input: unknown, complainantSees = false) {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) {
    revalidatePath("/agent/klachten", "layout");
    if (complainantSees) {
      revalidatePath("/portaal", "layout");
      revalidatePath("/werkgever", "layout");
    }
  }
  return result;
}

export async function answerComplaintFormAction(input: unknown) {
  return run(answerComplaintAction, input);
}
/** The complainant reads the question, and that the complaint waits on them. */
export async function askComplainantFormAction(input: unknown) {
  return run(askComplainantAction, input, true);
}
export async function addComplaintNoteFormAction(input: unknown) {
  return run(addComplaintNoteAction, input);
}
export async function referComplaintFormAction(input: unknown) {
  return run(referComplaintAction, input);
}
/** The complainant reads the referral and its reason. */
export async function referToOmbudsmanFormAction(input: unknown) {
  return run(referToOmbudsmanAction, input, true);
}
