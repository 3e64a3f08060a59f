"use server";
import { runAdminAction } from "@/lib/actions/admin-run";
import { updateOpeningHours } from "@/lib/settings/admin";
import * as admin from "./admin";

const LINE_PAGES = ["/agent/beheer/lijnen", "/portaal/contact", "/werkgever/contact"] as const;

export async function createContactLineAction(input: unknown) {
  return runAdminAction(admin.createContactLine, input, LINE_PAGES);
}
export async function updateContactLineAction(input: unknown) {
  return runAdminAction(admin.updateContactLine, input, LINE_PAGES);
}
export async function removeContactLineAction(input: unknown) {
  return runAdminAction(admin.removeContactLine, input, LINE_PAGES);
}
export async function addContactLineClosureDayAction(input: unknown) {
  return runAdminAction(admin.addContactLineClosureDay, input, LINE_PAGES);
}
export async function removeContactLineClosureDayAction(input: unknown) {
  return runAdminAction(admin.removeContactLineClosureDay, input, LINE_PAGES);
}
/** A line's week: the settings action, revalidating the pages that show lines. */
export async function saveContactLineHoursAction(input: unknown) {
  return runAdminAction(updateOpeningHours, input, LINE_PAGES);
}
