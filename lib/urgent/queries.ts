import "server-only";
import { z } from "zod";
import { type DbClient, getSettingValue } from "@/lib/settings/queries";
import { DEFAULT_URGENT_WORDS } from "./rules";

export const URGENT_WORDS_SETTING = "urgent.subjectWords";
export const EXPIRY_SETTING = "urgent.preAnnouncementExpiry";

/** The words that make a mail subject urgent (admin setting; the defaults in code). */
export async function getUrgentWords(client: DbClient): Promise<readonly string[]> {
  const value = await getSettingValue(client, URGENT_WORDS_SETTING, z.object({ words: z.array(z.string()).min(1) }), { words: [...DEFAULT_URGENT_WORDS] });
  return value.words;
}

/** How long a phone pre-announcement matches mails: until the close of the n-th open day of the line. */
export async function getPreAnnouncementExpiry(client: DbClient): Promise<{ lineKey: string; openDays: number }> {
  return getSettingValue(client, EXPIRY_SETTING, z.object({ lineKey: z.string().min(1), openDays: z.number().int().min(1).max(10) }), { lineKey: "EMPLOYER", openDays: 1 });
}
