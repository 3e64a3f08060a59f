"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { acceptInvite, changeRights, changeTwoFactorSetting, deactivateColleague, inviteToOrganisation, resendOrganisationInvite, withdrawOrganisationInvite } from "./commands";

export async function inviteAction(input: unknown) {
  const result = await inviteToOrganisation.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever/accounts");
  return result;
}

export async function withdrawInviteAction(input: unknown) {
  const result = await withdrawOrganisationInvite.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever/accounts");
  return result;
}

export async function resendInviteAction(input: unknown) {
  const result = await resendOrganisationInvite.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever/accounts");
  return result;
}

export async function setRightsAction(input: unknown) {
  const result = await changeRights.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever/accounts");
  return result;
}

export async function deactivateAction(input: unknown) {
  const result = await deactivateColleague.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever/accounts");
  return result;
}

export async function acceptInviteAction(input: unknown) {
  return acceptInvite(input, new Date());
}

export async function setTwoFactorRequiredAction(input: unknown) {
  const result = await changeTwoFactorSetting.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/werkgever/accounts");
  return result;
}
