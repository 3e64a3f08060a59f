"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/define";
import { getSessionUser } from "@/lib/auth/session";
import { updateOpeningHours } from "@/lib/settings/admin";
import * as admin from "./admin";

type Defined = { execute: (user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date) => Promise<ActionResult<undefined>> };

async function run(action: Defined, input: unknown): Promise<ActionResult<undefined>> {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) {
    revalidatePath("/agent/beheer/lijnen");
    revalidatePath("/portaal/contact");
    revalidatePath("/werkgever/contact");
  }
  return result;
}

export async function createContactLineAction(input: unknown) {
  return run(admin.createContactLine, input);
}
export async function updateContactLineAction(input: unknown) {
  return run(admin.updateContactLine, input);
}
export async function removeContactLineAction(input: unknown) {
  return run(admin.removeContactLine, input);
}
export async function addContactLineClosureDayAction(input: unknown) {
  return run(admin.addContactLineClosureDay, input);
}
export async function removeContactLineClosureDayAction(input: unknown) {
  return run(admin.removeContactLineClosureDay, input);
}
/** A line's week: the settings action, revalidating the pages that show lines. */
export async function saveContactLineHoursAction(input: unknown) {
  return run(updateOpeningHours, input);
}
