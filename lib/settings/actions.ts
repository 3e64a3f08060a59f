"use server";
import { runAdminAction } from "@/lib/actions/admin-run";
import * as admin from "./admin";

const SETTINGS_PAGES = ["/agent/beheer/instellingen"] as const;

export async function updateHolidaySettingsAction(input: unknown) {
  return runAdminAction(admin.updateHolidaySettings, input, SETTINGS_PAGES);
}
export async function createClosureDayAction(input: unknown) {
  return runAdminAction(admin.createClosureDay, input, SETTINGS_PAGES);
}
export async function deleteClosureDayAction(input: unknown) {
  return runAdminAction(admin.deleteClosureDay, input, SETTINGS_PAGES);
}
export async function updateOpeningHoursAction(input: unknown) {
  return runAdminAction(admin.updateOpeningHours, input, SETTINGS_PAGES);
}
export async function updateSlaPolicyAction(input: unknown) {
  return runAdminAction(admin.updateSlaPolicy, input, SETTINGS_PAGES);
}
export async function updateSlotCapacityAction(input: unknown) {
  return runAdminAction(admin.updateSlotCapacity, input, SETTINGS_PAGES);
}
export async function updatePasswordPolicyAction(input: unknown) {
  return runAdminAction(admin.updatePasswordPolicy, input, SETTINGS_PAGES);
}
