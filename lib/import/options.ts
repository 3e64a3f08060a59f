// What the admin ticked at upload beyond kind and dry run: ImportJob has no column for it, so it
// waits in a Setting row keyed by the job until the job ends (the runner deletes it then).
import "server-only";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";

const optionsSchema = z.object({ invite: z.boolean() });
export type ImportOptions = z.infer<typeof optionsSchema>;

export const importOptionsKey = (jobId: string) => `import.options.${jobId}`;

export async function saveImportOptions(tx: Tx, jobId: string, options: ImportOptions): Promise<void> {
  await tx.setting.create({ data: { key: importOptionsKey(jobId), value: options } });
}

export async function readImportOptions(client: Db | Tx, jobId: string): Promise<ImportOptions> {
  const row = await client.setting.findUnique({ where: { key: importOptionsKey(jobId) } });
  const parsed = optionsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { invite: false };
}
