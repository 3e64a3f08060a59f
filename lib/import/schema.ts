import { z } from "zod";
import { IMPORT_KINDS } from "./rules";

/** The largest file the upload takes (the server actions' body limit in next.config.js is above it). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

// Checkboxes arrive as "on" or are absent; the API and tests pass booleans.
const flag = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const startImportSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: flag,
  invite: flag,
  fileName: z.string().trim().min(1).max(200),
  // Characters, not bytes; the upload checks the bytes before decoding.
  content: z.string().max(MAX_IMPORT_BYTES),
});
export type StartImportInput = z.output<typeof startImportSchema>;

export const importJobIdSchema = z.object({ jobId: z.string().min(1).max(64) });
