import "server-only";
import { audit } from "@/lib/audit/mutations";
import { RuleInputError } from "@/lib/calendar/errors";
import type { Tx } from "@/lib/db/client";
import { getLineCalendar } from "@/lib/settings/queries";
import { EXPIRY_SETTING } from "./queries";
import { preAnnouncementExpiry } from "./rules";
import type { ExpirySettingInput } from "./schema";

export type ExpirySettingRefusal = "UNKNOWN_LINE" | "LINE_NEVER_OPEN";

export class ExpirySettingError extends Error {
  constructor(readonly code: ExpirySettingRefusal) {
    super(code);
    this.name = "ExpirySettingError";
  }
}

/**
 * Saves how long a phone pre-announcement matches urgent mails: until the close of the n-th open
 * day of an active line. A line that never opens would make every logging fail, so it is refused.
 */
export async function savePreAnnouncementExpiry(tx: Tx, input: ExpirySettingInput, actorId: string, now: Date): Promise<void> {
  const line = await tx.contactLine.findUnique({ where: { key: input.lineKey }, select: { active: true } });
  if (!line?.active) throw new ExpirySettingError("UNKNOWN_LINE");
  try {
    preAnnouncementExpiry(now, await getLineCalendar(tx, input.lineKey), input.openDays);
  } catch (error) {
    if (error instanceof RuleInputError && error.code === "INVALID_SCHEDULE") throw new ExpirySettingError("LINE_NEVER_OPEN");
    throw error;
  }
  const value = { lineKey: input.lineKey, openDays: input.openDays };
  await tx.setting.upsert({ where: { key: EXPIRY_SETTING }, create: { key: EXPIRY_SETTING, value }, update: { value } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: EXPIRY_SETTING, data: value });
}
