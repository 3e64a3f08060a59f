import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { URGENT_WORDS_SETTING } from "./queries";
import { parseUrgentWords, type UrgentWordsRefusal } from "./rules";

export class UrgentWordsError extends Error {
  constructor(readonly code: UrgentWordsRefusal) {
    super(code);
    this.name = "UrgentWordsError";
  }
}

/** Saves the admin's list of urgent words (one per line or comma), refusing what would not match. */
export async function saveUrgentWords(tx: Tx, text: string, actorId: string): Promise<void> {
  const parsed = parseUrgentWords(text);
  if (!parsed.ok) throw new UrgentWordsError(parsed.reason);
  await tx.setting.upsert({ where: { key: URGENT_WORDS_SETTING }, create: { key: URGENT_WORDS_SETTING, value: { words: parsed.words } }, update: { value: { words: parsed.words } } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: URGENT_WORDS_SETTING, data: { words: parsed.words } });
}
