"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { answerSurveyAsBeneficiary } from "./commands";

export async function answerSurveyAction(input: unknown) {
  const result = await answerSurveyAsBeneficiary.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}
