import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db/client";
import { anonymiseTickets } from "./anonymise";
import { removeFiles, type FilesToRemove } from "./files";
import { activeHolds, notIn, ticketNotHeld, type ActiveHolds } from "./holds";
import { ANONYMISED_TEXT, cutoffs, RETENTION_CLASSES, type RetentionClass } from "./rules";
import { getLastSweep, getRetentionSettings, recordLastSweep, type RetentionFigures } from "./settings";

/** Rows per transaction: short transactions, so the sweep never holds many locks for long. */
export const RETENTION_BATCH = 200;
/** Batches per class per run: one run stays bounded; the next run continues where it stopped. */
const MAX_BATCHES = 50;
/** How often the scheduler lets the sweep run (its queries scan large tables). */
const INTERVAL_MS = 60 * 60_000;

interface Batch {
  ids: string[];
  attachments?: number;
  files?: FilesToRemove;
}

interface Holds extends ActiveHolds {
  emails: string[];
}

async function holdsIn(tx: Tx): Promise<Holds> {
  const h = await activeHolds(tx);
  const users = h.userIds.length ? await tx.user.findMany({ where: { id: { in: h.userIds } }, select: { email: true } }) : [];
  return { ...h, emails: users.flatMap((u) => (u.email ? [u.email] : [])) };
}

const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

/** One batch of each class: pick expired rows nobody else is working on, change them, audit the batch. */
const BATCHES: Record<RetentionClass, (tx: Tx, cutoff: Date, h: Holds, now: Date) => Promise<Batch>> = {
  async tickets(tx, cutoff, h, now) {
    const picked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Ticket"
      WHERE "status" = 'CLOSED' AND "closedAt" < ${cutoff} AND "anonymisedAt" IS NULL AND ${ticketNotHeld('"id"', h)}
      ORDER BY "closedAt" ASC LIMIT ${RETENTION_BATCH}
      FOR UPDATE SKIP LOCKED`;
    const done = await anonymiseTickets(tx, idsOf(picked), now);
    return { ids: done.ticketIds, attachments: done.attachments, files: done.files };
  },
  async calls(tx, cutoff, h, now) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "CallRecord" SET "summary" = ${ANONYMISED_TEXT}, "callerName" = NULL, "phone" = NULL, "anonymisedAt" = ${now}
      WHERE "anonymisedAt" IS NULL AND "id" IN (
        SELECT "id" FROM "CallRecord"
        WHERE "startedAt" < ${cutoff} AND "anonymisedAt" IS NULL AND ${ticketNotHeld('"ticketId"', h)}
          AND ("callerId" IS NULL OR ${notIn('"callerId"', h.userIds)})
        ORDER BY "startedAt" ASC LIMIT ${RETENTION_BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    return { ids: idsOf(rows) };
  },
  async outbox(tx, cutoff, h, now) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "OutboxMessage" SET "bodyText" = ${ANONYMISED_TEXT}, "bodyHtml" = NULL, "redactedAt" = ${now}
      WHERE "redactedAt" IS NULL AND "id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE "status" <> 'PENDING' AND "redactedAt" IS NULL AND COALESCE("sentAt", "createdAt") < ${cutoff}
          AND ${ticketNotHeld('"ticketId"', h)} AND ${notIn('"toAddress"', h.emails)}
        ORDER BY "createdAt" ASC LIMIT ${RETENTION_BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    return { ids: idsOf(rows) };
  },
  async inbound(tx, cutoff, h) {
    // Mail still waiting to be processed (RECEIVED) is the intake's, whatever its age.
    const rows = await tx.$queryRaw<{ id: string; rawPath: string }[]>`
      DELETE FROM "InboundMail"
      WHERE "id" IN (
        SELECT "id" FROM "InboundMail"
        WHERE "receivedAt" < ${cutoff} AND "status" <> 'RECEIVED'
          AND ${ticketNotHeld('"ticketId"', h)} AND ${ticketNotHeld('"claimedTicketId"', h)} AND ${notIn('"fromAddress"', h.emails)}
        ORDER BY "receivedAt" ASC LIMIT ${RETENTION_BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "rawPath"`;
    return { ids: idsOf(rows), files: { storageKeys: [], rawPaths: rows.map((r) => r.rawPath) } };
  },
  async notifications(tx, cutoff, h) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      DELETE FROM "Notification"
      WHERE "id" IN (
        SELECT "id" FROM "Notification"
        WHERE "createdAt" < ${cutoff} AND ${notIn('"userId"', h.userIds)}
        ORDER BY "createdAt" ASC LIMIT ${RETENTION_BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    return { ids: idsOf(rows) };
  },
  async audit(tx, cutoff, h) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      DELETE FROM "AuditEvent"
      WHERE "id" IN (
        SELECT "id" FROM "AuditEvent"
        WHERE "createdAt" < ${cutoff} AND ${ticketNotHeld('"ticketId"', h)}
          AND ("organisationId" IS NULL OR ${notIn('"organisationId"', h.organisationIds)})
          AND ("actorId" IS NULL OR ${notIn('"actorId"', h.userIds)})
          AND ("entityId" IS NULL OR ${notIn('"entityId"', [...h.userIds, ...h.ticketIds, ...h.organisationIds])})
        ORDER BY "createdAt" ASC LIMIT ${RETENTION_BATCH}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    return { ids: idsOf(rows) };
  },
};

/**
 * Applies the retention terms: every class in batches of RETENTION_BATCH rows, one transaction per
 * batch with one audit event (counts and ids, no personal data). Idempotent: only rows still
 * expired and not yet anonymised are picked, with FOR UPDATE SKIP LOCKED, so a second run finds
 * nothing and two runs at once share the work. Anything a legal hold reaches is skipped. Files
 * (attachments, raw mails) are removed after their batch committed.
 */
export async function sweepRetention(db: Db, now: Date): Promise<RetentionFigures> {
  const settings = await getRetentionSettings(db);
  const limits = cutoffs(settings, now);
  const figures: RetentionFigures = { tickets: 0, calls: 0, outbox: 0, inbound: 0, notifications: 0, audit: 0, attachments: 0, files: 0, filesFailed: 0, skippedHeld: 0 };
  for (const cls of RETENTION_CLASSES) {
    for (let round = 0; round < MAX_BATCHES; round += 1) {
      const batch = await db.$transaction(async (tx) => {
        const done = await BATCHES[cls](tx, limits[cls], await holdsIn(tx), now);
        if (done.ids.length > 0) {
          await audit(tx, {
            actorId: null,
            action: `privacy.retention.${cls}`,
            entityType: "Retention",
            entityId: cls,
            data: { count: done.ids.length, ids: done.ids, cutoff: limits[cls].toISOString(), ...(done.attachments !== undefined ? { attachments: done.attachments } : {}) },
          });
        }
        return done;
      });
      figures[cls] += batch.ids.length;
      figures.attachments += batch.attachments ?? 0;
      if (batch.files) {
        const removed = await removeFiles(db, batch.files);
        figures.files += removed.removed;
        figures.filesFailed += removed.failed;
      }
      if (batch.ids.length < RETENTION_BATCH) break;
    }
  }
  figures.skippedHeld = await expiredButHeld(db, limits.tickets);
  await recordLastSweep(db, now, figures);
  return figures;
}

/** Closed tickets past their term that a hold keeps (the admin page shows the number). */
async function expiredButHeld(db: Db, cutoff: Date): Promise<number> {
  const h = await activeHolds(db);
  if (h.ticketIds.length + h.userIds.length + h.organisationIds.length === 0) return 0;
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS "n" FROM "Ticket"
    WHERE "status" = 'CLOSED' AND "closedAt" < ${cutoff} AND "anonymisedAt" IS NULL AND NOT ${ticketNotHeld('"id"', h)}`;
  return Number(rows[0]?.n ?? 0);
}

/** The scheduler's entry: at most once an hour (the last run is a Setting row, so any instance knows). */
export async function sweepRetentionWhenDue(db: Db, now: Date): Promise<RetentionFigures | "notDue"> {
  const last = await getLastSweep(db);
  const since = last ? now.getTime() - Date.parse(last.at) : Infinity;
  if (since >= 0 && since < INTERVAL_MS) return "notDue";
  return sweepRetention(db, now);
}
