import "server-only";
import type { Prisma } from "@prisma/client";
import type { Tx } from "@/lib/db/client";

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The ticket and organisation the event concerns, for the audit reader's filters (derived from the entity when it is one). */
  ticketId?: string | null;
  organisationId?: string | null;
  // Never message bodies or secrets: ids, codes and changed field names only.
  data?: Prisma.InputJsonValue;
}

/** Call inside the mutation's transaction so the event commits with the change or not at all. */
export async function audit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: rowOf(input) });
}

/** `audit` for many events of one change in one insert (the SLA sweep's batches). */
export async function auditMany(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length > 0) await tx.auditEvent.createMany({ data: inputs.map(rowOf) });
}

function rowOf(input: AuditInput): Prisma.AuditEventCreateManyInput {
  return {
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    ticketId: input.ticketId ?? (input.entityType === "Ticket" ? (input.entityId ?? null) : null),
    organisationId: input.organisationId ?? (input.entityType === "Organisation" ? (input.entityId ?? null) : null),
    data: input.data ?? {},
  };
}
