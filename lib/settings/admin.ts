import "server-only";
import type { z } from "zod";
import { defineTxAction } from "@/lib/actions/transactional";
import { passwordPolicyInputSchema } from "@/lib/auth/password-policy-setting";
import { savePasswordPolicy } from "@/lib/auth/password-settings";
import type { Tx } from "@/lib/db/client";
import {
  addClosureDay,
  removeClosureDay,
  saveHolidaySettings,
  saveOpeningHours,
  saveSlaPolicy,
  saveSlotCapacity,
  SettingsRuleError,
} from "./mutations";
import {
  closureDaySchema,
  holidaySettingsSchema,
  openingHoursSchema,
  removeClosureDaySchema,
  slaPolicySchema,
  slotCapacitySchema,
} from "./schema";

/** Every configuration change: admins only, validated, one transaction with its audit event. */
function adminSetting<S extends z.ZodType>(name: string, schema: S, save: (tx: Tx, input: z.output<S>, actorId: string) => Promise<void>) {
  return defineTxAction({ name, schema, permission: "settings.manage", refusals: [SettingsRuleError], run: (tx, input, { user }) => save(tx, input, user.id) });
}

export const updateHolidaySettings = adminSetting("settings.holidays", holidaySettingsSchema, saveHolidaySettings);
export const createClosureDay = defineTxAction({
  name: "settings.closureDay.add",
  schema: closureDaySchema,
  permission: "settings.manage",
  refusals: [SettingsRuleError],
  run: (tx, input, { user, now }) => addClosureDay(tx, input, user.id, now),
});
export const deleteClosureDay = adminSetting("settings.closureDay.remove", removeClosureDaySchema, (tx, input, actor) => removeClosureDay(tx, input.date, actor));
export const updateOpeningHours = adminSetting("settings.openingHours", openingHoursSchema, saveOpeningHours);
export const updateSlaPolicy = adminSetting("settings.slaPolicy", slaPolicySchema, saveSlaPolicy);
export const updateSlotCapacity = adminSetting("settings.slotCapacity", slotCapacitySchema, saveSlotCapacity);
export const updatePasswordPolicy = adminSetting("settings.passwordPolicy", passwordPolicyInputSchema, savePasswordPolicy);
