// The audit CSV: one header line, then one line per event; every cell through csvCell (CSV injection).
import type { AuditRow } from "./queries";
import { amsterdamTimestamp, csvLine } from "./rules";

export const AUDIT_CSV_COLUMNS = ["timeUtc", "timeAmsterdam", "actorEmail", "actorName", "action", "actionLabel", "entityType", "entityId", "ticket", "organisation", "data"] as const;
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

export function auditCsvHeader(name: (column: AuditCsvColumn) => string): string {
  return csvLine(AUDIT_CSV_COLUMNS.map(name));
}

export function auditCsvRow(row: AuditRow, actionLabel: (code: string) => string): string {
  return csvLine([
    row.createdAt.toISOString(),
    amsterdamTimestamp(row.createdAt),
    row.actor?.email ?? row.actorId ?? "",
    row.actor?.name ?? "",
    row.action,
    actionLabel(row.action),
    row.entityType,
    row.entityId ?? "",
    row.ticketNumber ?? row.ticketId ?? "",
    row.organisation ? `${row.organisation.externalNumber} ${row.organisation.name}` : (row.organisationId ?? ""),
    JSON.stringify(row.data ?? {}),
  ]);
}

/** Turns the batches into a byte stream: a UTF-8 BOM (Excel reads the accents right), the header, the rows. */
export function auditCsvStream(header: string, batches: AsyncGenerator<AuditRow[]>, actionLabel: (code: string) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${header}`));
    },
    // Pull-based: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => auditCsvRow(row, actionLabel)).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
