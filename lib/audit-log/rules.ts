// The audit log reader's pure parts: filters from the URL, the period in Amsterdam days, the
// keyset cursor, the Amsterdam time stamp and a short summary of an event's data.
import { z } from "zod";
import { localToUtc, parseDateKey } from "@/lib/calendar/local-time";

export const AUDIT_PAGE_SIZE = 50;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

// A real calendar day; the URL is typed by hand as often as by the date picker.
const dateKey = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (parseDateKey(v) !== null && v < "9999"), { message: "INVALID_DATE" });

export const auditFilterSchema = z
  .object({
    person: text(200),
    ticket: text(40),
    organisation: text(200),
    action: text(100),
    from: dateKey,
    to: dateKey,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "FROM_AFTER_TO", path: ["to"] });

export interface AuditFilter {
  person?: string;
  ticket?: string;
  organisation?: string;
  action?: string;
  /** Amsterdam date keys "yyyy-MM-dd", both days included. */
  from?: string;
  to?: string;
}
export type AuditFilterRefusal = "INVALID_DATE" | "FROM_AFTER_TO" | "INVALID_FILTER";

/** The filter from a URL's query (first value of each key), or the refusal that names what is wrong. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): { ok: true; filter: AuditFilter } | { ok: false; reason: AuditFilterRefusal; raw: Record<string, string> } {
  const raw: Record<string, string> = {};
  for (const key of ["person", "ticket", "organisation", "action", "from", "to"] as const) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") raw[key] = first;
  }
  const parsed = auditFilterSchema.safeParse(raw);
  if (parsed.success) return { ok: true, filter: parsed.data };
  const messages = parsed.error.issues.map((i) => i.message);
  const reason = messages.includes("INVALID_DATE") ? "INVALID_DATE" : messages.includes("FROM_AFTER_TO") ? "FROM_AFTER_TO" : "INVALID_FILTER";
  return { ok: false, reason, raw };
}

/** [start of `from`, start of the day after `to`) in Amsterdam time; either end may be open. */
export function periodBounds(filter: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (filter.from) bounds.gte = new Date(localToUtc(parseDateKey(filter.from)!, 0));
  if (filter.to) bounds.lt = new Date(localToUtc(parseDateKey(filter.to)! + 1, 0));
  return bounds;
}

/** A ticket number as people type it: "lk-2026-123" finds LK-2026-000123. */
export function normaliseTicketNumber(input: string): string {
  const m = /^\s*lk-?(\d{4})-?(\d{1,9})\s*$/i.exec(input);
  if (!m) return input.trim().toUpperCase();
  return `LK-${m[1]}-${m[2]!.padStart(6, "0")}`;
}

// ───────────────────────────── keyset cursor ─────────────────────────────

export interface Cursor {
  at: Date;
  id: string;
}

/** "2026-11-24T10:00:00.000Z_<id>": readable in the URL, and nothing a person could abuse (the id is only compared). */
export function encodeCursor(cursor: Cursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9_-]{1,64})$/.exec(value);
  if (!m) return null;
  const at = new Date(m[1]!);
  return Number.isNaN(at.getTime()) ? null : { at, id: m[2]! };
}

// ───────────────────────────── display ─────────────────────────────

/** "key=value, key=value" of an event's data (ids and codes only), shortened for a table cell. */
export function summariseData(data: unknown, max = 160): string {
  if (data === null || data === undefined) return "";
  if (typeof data !== "object" || Array.isArray(data)) return shorten(JSON.stringify(data), max);
  const parts = Object.entries(data as Record<string, unknown>).map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return shorten(parts.join(", "), max);
}

function shorten(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** The Amsterdam wall-clock time of an instant, "yyyy-MM-dd HH:mm:ss", for the CSV. */
export function amsterdamTimestamp(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}
