import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertStorageKey } from "./config";
import type { UploadStore } from "./store";

/** Files under <root>/<yyyy>/<sha256>. */
export function diskStore(root: string): UploadStore {
  const pathOf = (storageKey: string) => {
    assertStorageKey(storageKey);
    return path.join(root, storageKey);
  };
  return {
    async putIfAbsent(storageKey, bytes) {
      const target = pathOf(storageKey);
      if (await stat(target).then(() => true, () => false)) return "existed";
      await mkdir(path.dirname(target), { recursive: true });
      // A temporary name and a rename, so a half-written file is never served under the key.
      const temp = `${target}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return "stored";
    },
    async open(storageKey) {
      const file = pathOf(storageKey);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return null;
      const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      return { body, size: info.size };
    },
    async remove(storageKey) {
      await rm(pathOf(storageKey), { force: true });
    },
  };
}
