"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { acceptInvite, changeRights, changeTwoFactorSetting, deactivateColleague, inviteToOrganisation, resendOrganisationInvite, withdrawOrganisationInvite } from "./commands";

const ACCOUNTS_PAGE = "/werkgever/accounts";

/** Runs one of the accounts page's commands for the session's user; on success the page is read afresh. */
async function onAccountsPage<R extends { ok: boolean }>(command: { execute(user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date): Promise<R> }, input: unknown): Promise<R> {
  const result = await command.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(ACCOUNTS_PAGE);
  return result;
}

export async function inviteAction(input: unknown) {
  return onAccountsPage(inviteToOrganisation, input);
}

export async function withdrawInviteAction(input: unknown) {
  return onAccountsPage(withdrawOrganisationInvite, input);
}

export async function resendInviteAction(input: unknown) {
  return onAccountsPage(resendOrganisationInvite, input);
}

export async function setRightsAction(input: unknown) {
  return onAccountsPage(changeRights, input);
}

export async function deactivateAction(input: unknown) {
  return onAccountsPage(deactivateColleague, input);
}

export async function acceptInviteAction(input: unknown) {
  return acceptInvite(input, new Date());
}

export async function setTwoFactorRequiredAction(input: unknown) {
  return onAccountsPage(changeTwoFactorSetting, input);
}
