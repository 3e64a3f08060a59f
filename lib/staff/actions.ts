"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { changeStaffMember, createStaffTeam, inviteStaffMember, renameStaffTeam, resendStaffInvite, resetStaffMemberTwoFactor, setStaffMemberActive, withdrawStaffInvite } from "./commands";

const STAFF_PAGE = "/agent/beheer/medewerkers";
const TEAMS_PAGE = "/agent/beheer/teams";

async function run<R extends { ok: boolean }>(action: { execute(user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date): Promise<R> }, input: unknown, paths: string[]): Promise<R> {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) for (const path of paths) revalidatePath(path);
  return result;
}

export async function inviteStaffAction(input: unknown) {
  return run(inviteStaffMember, input, [STAFF_PAGE]);
}

export async function withdrawStaffInviteAction(input: unknown) {
  return run(withdrawStaffInvite, input, [STAFF_PAGE]);
}

export async function resendStaffInviteAction(input: unknown) {
  return run(resendStaffInvite, input, [STAFF_PAGE]);
}

export async function changeStaffAction(input: unknown) {
  return run(changeStaffMember, input, [STAFF_PAGE, TEAMS_PAGE]);
}

export async function setStaffActiveAction(input: unknown) {
  return run(setStaffMemberActive, input, [STAFF_PAGE, TEAMS_PAGE]);
}

export async function resetStaffTwoFactorAction(input: unknown) {
  return run(resetStaffMemberTwoFactor, input, [STAFF_PAGE]);
}

export async function createTeamAction(input: unknown) {
  return run(createStaffTeam, input, [TEAMS_PAGE, STAFF_PAGE]);
}

export async function renameTeamAction(input: unknown) {
  return run(renameStaffTeam, input, [TEAMS_PAGE, STAFF_PAGE]);
}
