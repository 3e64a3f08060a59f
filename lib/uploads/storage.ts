import "server-only";
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StoredAttachment } from "@/lib/tickets/mutations";
import { safeFileName, sniffMime, storageKeyOf, type UploadInput, type UploadRefusal, validateUploads } from "./rules";

export type { UploadInput, UploadRefusal };
export { validateUploads };

/** An upload that breaks the rules; actions turn the code into a translated message. */
export class UploadRuleError extends Error {
  constructor(readonly code: UploadRefusal) {
    super(code);
    this.name = "UploadRuleError";
  }
}

/** Files live under <LOKET_DATA_DIR or .data>/uploads/<yyyy>/<sha256>. */
export function uploadRoot(): string {
  return path.resolve(process.env.LOKET_DATA_DIR ?? ".data", "uploads");
}

function pathOf(storageKey: string): string {
  if (!/^\d{4}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error("invalid storage key");
  return path.join(uploadRoot(), storageKey);
}

/** Reads a browser File into bytes so its content can be checked. */
export async function readUpload(file: File | UploadInput): Promise<UploadInput> {
  // Blob-likes from a decoded FormData may not be `instanceof File` here: tell them apart by shape.
  if ((file as UploadInput).bytes instanceof Uint8Array) return file as UploadInput;
  const blob = file as File;
  return { name: blob.name ?? "", type: blob.type, bytes: new Uint8Array(await blob.arrayBuffer()) };
}

/** The non-empty files of a form field (browsers send an empty File when nothing was picked). */
export async function readUploads(files: readonly (File | UploadInput)[]): Promise<UploadInput[]> {
  const read = await Promise.all(files.map(readUpload));
  return read.filter((f) => f.bytes.length > 0 || f.name !== "");
}

/**
 * Stores one file and returns what the Attachment row needs. Checked again here, by content, so
 * no caller can store something the rules refuse. Written to a temporary name and renamed, so a
 * half-written file is never served.
 */
export async function storeUpload(file: File | UploadInput, now: Date = new Date()): Promise<StoredAttachment> {
  const upload = await readUpload(file);
  const check = validateUploads([upload]);
  if (!check.ok) throw new UploadRuleError(check.reason);
  const mime = sniffMime(upload.bytes)!;
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const storageKey = storageKeyOf(now.getUTCFullYear(), sha256);
  const target = pathOf(storageKey);
  const exists = await stat(target).then(() => true, () => false);
  if (!exists) {
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, upload.bytes);
    await rename(temp, target);
  }
  return { fileName: safeFileName(upload.name, mime), mimeType: mime, size: upload.bytes.length, sha256, storageKey };
}

export async function readStoredUpload(storageKey: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(pathOf(storageKey)));
}
