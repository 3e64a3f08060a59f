import "server-only";
import { rm } from "node:fs/promises";
import type { Db } from "@/lib/db/client";
import { removeStoredUpload } from "@/lib/uploads/storage";

/** Stored files whose rows a committed transaction removed. */
export interface FilesToRemove {
  storageKeys: string[];
  rawPaths: string[];
}

export const NO_FILES: FilesToRemove = { storageKeys: [], rawPaths: [] };

export function mergeFiles(a: FilesToRemove, b: FilesToRemove): FilesToRemove {
  return { storageKeys: [...a.storageKeys, ...b.storageKeys], rawPaths: [...a.rawPaths, ...b.rawPaths] };
}

/**
 * Removes the files of rows already deleted, after their transaction committed (a file removed
 * before a rollback could not come back). Upload keys are content hashes shared by identical
 * files, so an object goes only when no Attachment row names it any more; a raw mail file only
 * when no InboundMail row does. A failure is logged and counted, never thrown: the rows are gone
 * and the next erasure or sweep does not see the key again, so the count tells an admin to look.
 * Known window: an identical file being uploaded in the same year at this very moment (stored,
 * its Attachment row not yet committed) would lose its object; uploads do not lock keys today.
 */
export async function removeFiles(db: Db, files: FilesToRemove): Promise<{ removed: number; failed: number }> {
  let removed = 0;
  let failed = 0;
  for (const key of new Set(files.storageKeys)) {
    if ((await db.attachment.count({ where: { storageKey: key } })) > 0) continue;
    try {
      await removeStoredUpload(key);
      removed += 1;
    } catch (error) {
      failed += 1;
      console.error(`[privacy] could not remove stored upload ${key}`, error instanceof Error ? error.message : error);
    }
  }
  for (const rawPath of new Set(files.rawPaths)) {
    if (!rawPath || (await db.inboundMail.count({ where: { rawPath } })) > 0) continue;
    try {
      await rm(rawPath, { force: true });
      removed += 1;
    } catch (error) {
      failed += 1;
      console.error("[privacy] could not remove a raw inbound mail file", error instanceof Error ? error.message : error);
    }
  }
  return { removed, failed };
}
