import "server-only";
import { z } from "zod";
import { defineTxAction } from "@/lib/actions/transactional";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { type DbClient, getSettingValue } from "@/lib/settings/queries";
import { type AttemptTiming, DEFAULT_ATTEMPT_TIMING } from "./rules";

// When a callback attempt may be logged (lib/callbacks/rules.ts checkAttemptTime): one JSON setting.
const SETTING_KEY = "callbackAttempts";

const minutes = (max: number) => z.coerce.number({ error: "WHOLE_NUMBER" }).int("WHOLE_NUMBER").min(0, "NOT_NEGATIVE").max(max, "ATTEMPT_MINUTES_RANGE");

export const attemptTimingSchema = z.object({
  // At most a working morning ahead (3 h) and a slot's length apart (2 h): beyond that the rule means nothing.
  earlyMinutes: minutes(180),
  minIntervalMinutes: minutes(120),
});

export async function getAttemptTiming(client: DbClient): Promise<AttemptTiming> {
  return getSettingValue(client, SETTING_KEY, attemptTimingSchema, DEFAULT_ATTEMPT_TIMING);
}

export async function saveAttemptTiming(tx: Tx, input: z.output<typeof attemptTimingSchema>, actorId: string): Promise<void> {
  await tx.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value: input }, update: { value: input } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: SETTING_KEY, data: input });
}

/** The admin form on the settings page. */
export const updateAttemptTiming = defineTxAction({
  name: "settings.callbackAttempts",
  schema: attemptTimingSchema,
  permission: "settings.manage",
  refusals: [],
  run: (tx, input, { user }) => saveAttemptTiming(tx, input, user.id),
});
