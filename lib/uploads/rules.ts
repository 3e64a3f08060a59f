/*
 * Upload rules: at most three files, 10 MB each, PDF / JPEG / PNG only. The type is decided by the
 * file's first bytes, never by its name or the browser's claim, so an executable renamed to .pdf
 * is refused.
 */
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/**
 * The largest form request the server takes: every file the rule allows plus 1 MB for the text
 * fields and multipart framing. next.config.js (serverActions.bodySizeLimit, proxyClientMaxBodySize) repeats
 * this number because the config cannot import TypeScript; tests/unit/security-dos/upload-limits
 * asserts the two agree. Below it, a file over the rule gets FILE_TOO_LARGE from validateUploads.
 */
export const UPLOAD_REQUEST_LIMIT_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

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

/**
 * The files a form's file input carries. Nothing picked still sends one empty part, without a type
 * (application/octet-stream) and without a name, or named "blob" once a server action has passed
 * it on; that is no attachment. A picked file of 0 bytes (a name, a type) is kept, so the checks
 * refuse it instead of it vanishing without a word.
 */
export function pickedFiles(form: FormData, field: string): File[] {
  return form.getAll(field).filter((f): f is File => typeof f !== "string" && (f.size > 0 || !nothingPicked(f)));
}

function nothingPicked(file: File): boolean {
  return file.name === "" || file.name === "blob" || file.type === "" || file.type === "application/octet-stream";
}

/**
 * The browser's check before a form is sent: the same count and size rules as validateUploads,
 * on the files as picked (the content type is left to the server, which reads the bytes). A file
 * too large for the transport would otherwise end in an error page instead of this message.
 */
export function uploadRefusalOf(form: FormData): { field: string; reason: UploadRefusal } | null {
  const counts = new Map<string, number>();
  for (const [field, value] of form.entries()) {
    // A file input with nothing picked still sends one empty part: no attachment.
    if (typeof value === "string" || value.size === 0) continue;
    if (value.size > MAX_FILE_BYTES) return { field, reason: "FILE_TOO_LARGE" };
    const count = (counts.get(field) ?? 0) + 1;
    if (count > MAX_FILES) return { field, reason: "TOO_MANY_FILES" };
    counts.set(field, count);
  }
  return null;
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
