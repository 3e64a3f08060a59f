import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { recordAuditExport } from "./mutations";
import { type AuditPage, type AuditRow, auditEventBatches, listActionCodes, listAuditEvents, type ResolvedAuditFilter, resolveAuditFilter } from "./queries";
import { type AuditFilterRefusal, decodeCursor, parseAuditFilter } from "./rules";

type Params = Record<string, string | string[] | undefined>;

export type AuditLogData =
  | { ok: true; resolved: ResolvedAuditFilter; page: AuditPage; actions: string[] }
  | { ok: false; reason: "FORBIDDEN" }
  | { ok: false; reason: AuditFilterRefusal; raw: Record<string, string>; actions: string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The audit log page: admins only; the filter and the page of the URL. */
export async function loadAuditLog(user: SessionUser, params: Params): Promise<AuditLogData> {
  if (!can(user, "audit.read")) return { ok: false, reason: "FORBIDDEN" };
  const parsed = parseAuditFilter(params);
  const actions = await listActionCodes(db);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, raw: parsed.raw, actions };
  const resolved = await resolveAuditFilter(db, parsed.filter);
  const cursor = decodeCursor(first(params.cursor));
  const direction = first(params.dir) === "newer" ? "newer" : "older";
  const page = await listAuditEvents(db, resolved, { cursor, direction });
  return { ok: true, resolved, page, actions };
}

export type AuditExport =
  | { ok: true; resolved: ResolvedAuditFilter; batches: AsyncGenerator<AuditRow[]> }
  | { ok: false; reason: "FORBIDDEN" | AuditFilterRefusal };

/** The CSV export: the same filter, every page, recorded as audit.exported before the first row leaves. */
export async function openAuditExport(user: SessionUser, params: Params, batchSize?: number): Promise<AuditExport> {
  if (!can(user, "audit.read")) return { ok: false, reason: "FORBIDDEN" };
  const parsed = parseAuditFilter(params);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const resolved = await resolveAuditFilter(db, parsed.filter);
  await recordAuditExport(db, user.id, resolved);
  return { ok: true, resolved, batches: auditEventBatches(db, resolved, batchSize) };
}
