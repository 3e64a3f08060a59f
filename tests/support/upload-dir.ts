import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * Points the disk upload store (LOKET_DATA_DIR) at a fresh temporary directory for the enclosing
 * file or describe block, and removes it afterwards, so uploads never land in the developer's .data.
 */
export function withScratchUploadDir(prefix: string): void {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), `loket-${prefix}-`));
    process.env.LOKET_DATA_DIR = dataDir;
  });
  afterAll(async () => {
    delete process.env.LOKET_DATA_DIR;
    await rm(dataDir, { recursive: true, force: true });
  });
}
