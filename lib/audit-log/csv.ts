// The audit CSV: one header line, then one line per event, through the shared writer (semicolons,
// a byte-order mark, formula-safe cells), so it opens in Dutch Excel like every other export.
import { CSV_BOM, csvLine } from "@/lib/util/csv";
import type { AuditRow } from "./queries";
import { amsterdamTimestamp } from "./rules";

export const AUDIT_CSV_COLUMNS = ["timeUtc", "timeAmsterdam", "actorEmail", "actorName", "action", "actionLabel", "entityType", "entityId", "ticket", "organisation", "data"] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

export function auditCsvHeader(name: (column: AuditCsvColumn) => string): string {
  return csvLine(AUDIT_CSV_COLUMNS.map(name));
}

/** Names in the reader's language: what an action and the kind of record it concerns are called. */
export interface AuditCsvLabels {
  action: (code: string) => string;
  entityType: (code: string) => string;
}

export function auditCsvRow(row: AuditRow, labels: AuditCsvLabels): string {
  return csvLine([
    row.createdAt.toISOString(),
    amsterdamTimestamp(row.createdAt),
    row.actor?.email ?? row.actorId ?? "",
    row.actor?.name ?? "",
    row.action,
    labels.action(row.action),
    labels.entityType(row.entityType),
    row.entityId ?? "",
    row.ticketNumber ?? row.ticketId ?? "",
    row.organisation ? `${row.organisation.externalNumber} ${row.organisation.name}` : (row.organisationId ?? ""),
    JSON.stringify(row.data ?? {}),
  ]);
}

/** Turns the batches into a byte stream: the byte-order mark, the header, the rows. */
export function auditCsvStream(header: string, batches: AsyncGenerator<AuditRow[]>, labels: AuditCsvLabels): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${CSV_BOM}${header}`));
    },
    // Pull-based: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => auditCsvRow(row, labels)).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
