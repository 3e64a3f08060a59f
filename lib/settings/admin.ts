import "server-only";
import type { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db, type Tx } from "@/lib/db/client";
import {
  addClosureDay,
  removeClosureDay,
  saveExternalBody,
  saveHolidaySettings,
  saveOpeningHours,
  saveSlaPolicy,
  saveSlotCapacity,
  SettingsRuleError,
} from "./mutations";
import {
  closureDaySchema,
  externalBodySchema,
  holidaySettingsSchema,
  openingHoursSchema,
  removeClosureDaySchema,
  slaPolicySchema,
  slotCapacitySchema,
} from "./schema";

/** Every configuration change: admins only, validated, one transaction with its audit event. */
function adminSetting<S extends z.ZodType>(name: string, schema: S, save: (tx: Tx, input: z.output<S>, actorId: string) => Promise<void>) {
  return defineAction({
    name,
    schema,
    roles: ["ADMIN"],
    async handler(input, { user }) {
      try {
        await db.$transaction((tx) => save(tx, input, user.id));
        return ok(undefined);
      } catch (error) {
        if (error instanceof SettingsRuleError) return fail(error.code);
        throw error;
      }
    },
  });
}

export const updateHolidaySettings = adminSetting("settings.holidays", holidaySettingsSchema, saveHolidaySettings);
export const createClosureDay = adminSetting("settings.closureDay.add", closureDaySchema, addClosureDay);
export const deleteClosureDay = adminSetting("settings.closureDay.remove", removeClosureDaySchema, (tx, input, actor) => removeClosureDay(tx, input.date, actor));
export const updateOpeningHours = adminSetting("settings.openingHours", openingHoursSchema, saveOpeningHours);
export const updateSlaPolicy = adminSetting("settings.slaPolicy", slaPolicySchema, saveSlaPolicy);
export const updateSlotCapacity = adminSetting("settings.slotCapacity", slotCapacitySchema, saveSlotCapacity);
export const updateExternalBody = adminSetting("settings.externalBody", externalBodySchema, saveExternalBody);
