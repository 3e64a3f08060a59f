/*
 * Upload rules: at most three files, 10 MB each, PDF / JPEG / PNG only. The type is decided by the
 * file's first bytes, never by its name or the browser's claim, so an executable renamed to .pdf
 * is refused.
 */
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type AllowedMime = "application/pdf" | "image/jpeg" | "image/png";
export type UploadRefusal = "TOO_MANY_FILES" | "FILE_TOO_LARGE" | "FILE_TYPE_NOT_ALLOWED";

export interface UploadInput {
  name: string;
  type: string;
  bytes: Uint8Array;
}

const SIGNATURES: readonly { mime: AllowedMime; bytes: readonly number[] }[] = [
  { mime: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { mime: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The real type of the content, or null when it is none of the allowed ones. */
export function sniffMime(bytes: Uint8Array): AllowedMime | null {
  for (const signature of SIGNATURES) {
    if (bytes.length >= signature.bytes.length && signature.bytes.every((b, i) => bytes[i] === b)) return signature.mime;
  }
  return null;
}

export function validateUploads(files: readonly UploadInput[]): { ok: true } | { ok: false; reason: UploadRefusal } {
  if (files.length > MAX_FILES) return { ok: false, reason: "TOO_MANY_FILES" };
  for (const file of files) {
    if (file.bytes.length > MAX_FILE_BYTES) return { ok: false, reason: "FILE_TOO_LARGE" };
    if (file.bytes.length === 0 || sniffMime(file.bytes) === null) return { ok: false, reason: "FILE_TYPE_NOT_ALLOWED" };
  }
  return { ok: true };
}

const EXTENSION: Record<AllowedMime, string> = { "application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png" };

/**
 * A safe display name: no path parts or control characters, at most 120 characters, and an
 * extension that matches the real content.
 */
export function safeFileName(name: string, mime: AllowedMime): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .replace(/\.[^.]*$/, "")
    .slice(0, 110);
  return `${base || "bijlage"}${EXTENSION[mime]}`;
}

/** Storage key "<yyyy>/<sha256>": identical files share one stored copy. */
export function storageKeyOf(year: number, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("invalid sha256");
  return `${year}/${sha256}`;
}
