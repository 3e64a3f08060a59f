"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { answerSurveyAsBeneficiary, answerSurveyAsEmployer } from "./commands";

export async function answerSurveyAction(input: unknown) {
  const result = await answerSurveyAsBeneficiary.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

export async function answerEmployerSurveyAction(input: unknown) {
  const result = await answerSurveyAsEmployer.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}
