import "server-only";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { getSettingValue, type DbClient } from "@/lib/settings/queries";
import { DEFAULT_RETENTION, RETENTION_CLASSES, type RetentionClass, type RetentionSettings } from "./rules";
import { retentionSettingSchema, type RetentionInput } from "./schema";

export const RETENTION_KEY = "privacy.retention";
export const LAST_SWEEP_KEY = "privacy.retention.lastSweep";

export async function getRetentionSettings(client: DbClient): Promise<RetentionSettings> {
  return getSettingValue(client, RETENTION_KEY, retentionSettingSchema, { ...DEFAULT_RETENTION });
}

export async function saveRetentionSettings(tx: Tx, input: RetentionInput, actorId: string): Promise<void> {
  await tx.setting.upsert({ where: { key: RETENTION_KEY }, create: { key: RETENTION_KEY, value: input }, update: { value: input } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: RETENTION_KEY, data: input as unknown as Prisma.InputJsonValue });
}

/** What one sweep did, per class (rows anonymised or deleted), and the files it removed. */
export type RetentionFigures = Record<RetentionClass, number> & { attachments: number; files: number; filesFailed: number; skippedHeld: number };

export interface LastSweep {
  at: string;
  figures: RetentionFigures;
}

const count = z.number().int().nonnegative().catch(0).default(0);
const lastSweepSchema = z.object({
  at: z.string(),
  figures: z.object({
    ...Object.fromEntries(RETENTION_CLASSES.map((cls) => [cls, count])),
    attachments: count,
    files: count,
    filesFailed: count,
    skippedHeld: count,
  }),
});

export async function getLastSweep(client: DbClient): Promise<LastSweep | null> {
  return getSettingValue(client, LAST_SWEEP_KEY, lastSweepSchema as unknown as z.ZodType<LastSweep | null>, null);
}

export async function recordLastSweep(client: DbClient, at: Date, figures: RetentionFigures): Promise<void> {
  const value = { at: at.toISOString(), figures } as unknown as Prisma.InputJsonValue;
  await client.setting.upsert({ where: { key: LAST_SWEEP_KEY }, create: { key: LAST_SWEEP_KEY, value }, update: { value } });
}
