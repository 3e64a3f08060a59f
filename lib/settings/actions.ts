"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/define";
import { getSessionUser } from "@/lib/auth/session";
import * as admin from "./admin";

type Defined = { execute: (user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date) => Promise<ActionResult<undefined>> };

async function run(action: Defined, input: unknown): Promise<ActionResult<undefined>> {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/instellingen");
  return result;
}

export async function updateHolidaySettingsAction(input: unknown) {
  return run(admin.updateHolidaySettings, input);
}
export async function createClosureDayAction(input: unknown) {
  return run(admin.createClosureDay, input);
}
export async function deleteClosureDayAction(input: unknown) {
  return run(admin.deleteClosureDay, input);
}
export async function updateOpeningHoursAction(input: unknown) {
  return run(admin.updateOpeningHours, input);
}
export async function updateSlaPolicyAction(input: unknown) {
  return run(admin.updateSlaPolicy, input);
}
export async function updateSlotCapacityAction(input: unknown) {
  return run(admin.updateSlotCapacity, input);
}
export async function updatePasswordPolicyAction(input: unknown) {
  return run(admin.updatePasswordPolicy, input);
}
