"use server";
import { runAdminAction } from "@/lib/actions/admin-run";
import { getSessionUser } from "@/lib/auth/session";
import { revalidatePath } from "next/cache";
import { createBeneficiaryAccount, inviteBeneficiaryToPortal, mergeBeneficiaryAccounts, setBeneficiaryAccountActive, updateBeneficiaryAccount } from "./commands";

const LIST = "/agent/beheer/klanten";
const detailOf = (input: unknown) => {
  const id = (input as { userId?: unknown; survivorId?: unknown } | null)?.userId ?? (input as { survivorId?: unknown } | null)?.survivorId;
  return typeof id === "string" ? [`${LIST}/${id}`] : [];
};

export async function createBeneficiaryAction(input: unknown) {
  const result = await createBeneficiaryAccount.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(LIST);
  return result;
}

export async function updateBeneficiaryAction(input: unknown) {
  return runAdminAction(updateBeneficiaryAccount, input, [LIST, ...detailOf(input)]);
}

export async function inviteBeneficiaryAction(input: unknown) {
  return runAdminAction(inviteBeneficiaryToPortal, input, [LIST, ...detailOf(input)]);
}

export async function setBeneficiaryActiveAction(input: unknown) {
  return runAdminAction(setBeneficiaryAccountActive, input, [LIST, ...detailOf(input)]);
}

export async function mergeBeneficiariesAction(input: unknown) {
  const result = await mergeBeneficiaryAccounts.execute(await getSessionUser(), input, new Date());
  if (result.ok) for (const path of [LIST, ...detailOf(input)]) revalidatePath(path);
  return result;
}
