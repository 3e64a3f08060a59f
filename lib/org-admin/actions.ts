"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import {
  createOrganisationAction,
  inviteMainContactAction,
  resendOrganisationInviteAsAdmin,
  setOrganisationActiveAction,
  updateOrganisationAction,
  withdrawOrganisationInviteAsAdmin,
} from "./commands";

const LIST = "/agent/beheer/organisaties";

async function run<R extends { ok: boolean }>(action: { execute(user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date): Promise<R> }, input: unknown): Promise<R> {
  const result = await action.execute(await getSessionUser(), input, new Date());
  // The list and every organisation's page show what these change.
  if (result.ok) revalidatePath(LIST, "layout");
  return result;
}

export async function createOrganisationServerAction(input: unknown) {
  return run(createOrganisationAction, input);
}

export async function updateOrganisationServerAction(input: unknown) {
  return run(updateOrganisationAction, input);
}

export async function setOrganisationActiveServerAction(input: unknown) {
  return run(setOrganisationActiveAction, input);
}

export async function inviteMainContactServerAction(input: unknown) {
  return run(inviteMainContactAction, input);
}

export async function withdrawOrganisationInviteServerAction(input: unknown) {
  return run(withdrawOrganisationInviteAsAdmin, input);
}

export async function resendOrganisationInviteServerAction(input: unknown) {
  return run(resendOrganisationInviteAsAdmin, input);
}
