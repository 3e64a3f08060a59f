import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Db } from "@/lib/db/client";
import type { ResolvedAuditFilter } from "./queries";

/**
 * The export itself is audited: who took which part of the log. The filter is stored as the ids it
 * resolved to (a typed name or address is personal data; the ids say the same without it).
 */
export function recordAuditExport(db: Db, actorId: string, resolved: ResolvedAuditFilter): Promise<void> {
  const { filter } = resolved;
  return audit(db, {
    actorId,
    action: "audit.exported",
    entityType: "AuditEvent",
    entityId: null,
    ticketId: resolved.ticket?.id ?? null,
    organisationId: resolved.organisations?.length === 1 ? resolved.organisations[0]!.id : null,
    data: {
      personIds: resolved.people ? resolved.people.map((p) => p.id) : null,
      ticketId: resolved.ticket === undefined ? null : (resolved.ticket?.id ?? "NOT_FOUND"),
      organisationIds: resolved.organisations ? resolved.organisations.map((o) => o.id) : null,
      action: filter.action ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    },
  });
}
