import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import type { StoredAttachment } from "@/lib/tickets/mutations";
import { uploadStoreConfig } from "./config";
import { diskStore } from "./disk-store";
import { safeFileName, sniffMime, storageKeyOf, type UploadInput, type UploadRefusal, validateUploads } from "./rules";
import { s3Store } from "./s3-store";
import { collect, type OpenedUpload, type UploadStore } from "./store";

export type { UploadInput, UploadRefusal };
export { validateUploads };

/** An upload that breaks the rules; actions turn the code into a translated message. */
export class UploadRuleError extends Error {
  constructor(readonly code: UploadRefusal) {
    super(code);
    this.name = "UploadRuleError";
  }
}

/** Without S3_BUCKET, files live under <LOKET_DATA_DIR or .data>/uploads/<yyyy>/<sha256>. */
export function uploadRoot(): string {
  return path.resolve(process.env.LOKET_DATA_DIR ?? ".data", "uploads");
}

/** The store the environment configures, read per call so a changed environment takes effect. */
export function uploadStore(): UploadStore {
  const config = uploadStoreConfig(process.env, uploadRoot());
  return config.kind === "s3" ? s3Store(config) : diskStore(config.root);
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
 * no caller can store something the rules refuse. Identical files share one stored copy; neither
 * store ever shows a half-written one under its key.
 */
export async function storeUpload(file: File | UploadInput, now: Date = new Date()): Promise<StoredAttachment> {
  const upload = await readUpload(file);
  const check = validateUploads([upload]);
  if (!check.ok) throw new UploadRuleError(check.reason);
  const mime = sniffMime(upload.bytes)!;
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  const storageKey = storageKeyOf(now.getUTCFullYear(), sha256);
  await uploadStore().putIfAbsent(storageKey, upload.bytes, mime);
  return { fileName: safeFileName(upload.name, mime), mimeType: mime, size: upload.bytes.length, sha256, storageKey };
}

/**
 * Checks a form's files by content and stores them; a refusal code when they break the rules.
 * Stored before the caller's transaction: files are content-addressed, so a rolled-back message
 * leaves at most an unreferenced copy, never a row pointing at a missing file.
 */
export async function storeCheckedUploads(files: readonly (File | UploadInput)[], now: Date): Promise<StoredAttachment[] | UploadRefusal> {
  const uploads = await readUploads(files);
  const check = validateUploads(uploads);
  if (!check.ok) return check.reason;
  return Promise.all(uploads.map((u) => storeUpload(u, now)));
}

/** The stored bytes as a stream with their size, or null when the object is missing. */
export async function openStoredUpload(storageKey: string): Promise<OpenedUpload | null> {
  // async, so a configuration error arrives as a rejection the download route can answer.
  return uploadStore().open(storageKey);
}

/**
 * Deletes a stored object. Keys are content hashes shared by identical files: callers remove a key
 * only once no Attachment row names it any more (lib/privacy/files.ts).
 */
export async function removeStoredUpload(storageKey: string): Promise<void> {
  await uploadStore().remove(storageKey);
}

/** The whole stored file; throws when it is missing. */
export async function readStoredUpload(storageKey: string): Promise<Uint8Array> {
  const opened = await openStoredUpload(storageKey);
  if (!opened) throw new Error(`stored upload missing: ${storageKey}`);
  return collect(opened.body);
}
