"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { fileComplaintAsBeneficiary, fileComplaintAsEmployer, requestOmbudsmanAsBeneficiary, requestOmbudsmanAsEmployer } from "./commands";

export async function fileComplaintAsBeneficiaryAction(input: unknown) {
  const result = await fileComplaintAsBeneficiary.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

export async function fileComplaintAsEmployerAction(input: unknown) {
  const result = await fileComplaintAsEmployer.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}

export async function requestOmbudsmanAsBeneficiaryAction(input: unknown) {
  const result = await requestOmbudsmanAsBeneficiary.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/portaal", "layout");
  return result;
}

export async function requestOmbudsmanAsEmployerAction(input: unknown) {
  const result = await requestOmbudsmanAsEmployer.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever", "layout");
  return result;
}
