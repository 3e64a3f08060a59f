import "server-only";
import { Prisma, type TicketStatus } from "@prisma/client";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import type { SqlTx } from "@/lib/db/sql";
import { eventSql } from "./event-sql";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { type ClockEvent, type ClockStep, clockStep } from "@/lib/sla/lifecycle";
import type { DefaultPolicyKey } from "@/lib/sla/policies";
import { computeClock, policyByKey } from "@/lib/sla/rules";

// The answer clock's bookkeeping on a ticket, following the rule in lib/sla/lifecycle.ts. Every
// function runs inside the caller's transaction, beside the mutation's own audit event. Raw
// statements, so they run in a raw transaction too (the mail intake's, lib/db/sql.ts).

/** The event written when an answer stops a clock: the KPI reads the first one's due time. */
export const ANSWERED_EVENT = "sla.answered";

/** Re-computes the ticket's SLA due time and state from its policy, start, pauses and stop. */
export async function refreshClock(tx: SqlTx, ticketId: string, now: Date): Promise<void> {
  // The clock and its pauses in order, a row per pause (one row without when there is none). A
  // fresh clock ignores earlier pauses (a pause still open at a restart was closed by it).
  const rows = await tx.$queryRaw<{ slaPolicyKey: string | null; slaStartedAt: Date | null; slaStoppedAt: Date | null; from: Date | null; to: Date | null }[]>`
    SELECT t."slaPolicyKey", t."slaStartedAt", t."slaStoppedAt", p."from", p."to"
    FROM "Ticket" t LEFT JOIN "SlaPause" p ON p."ticketId" = t."id" AND p."from" >= t."slaStartedAt"
    WHERE t."id" = ${ticketId}
    ORDER BY p."from"`;
  const ticket = rows[0];
  if (!ticket?.slaPolicyKey || !ticket.slaStartedAt) return;
  const [settings, policies] = await Promise.all([getCalendarSettings(tx), getSlaPolicies(tx)]);
  const startedAt = ticket.slaStartedAt;
  const pauses = rows.flatMap((p) => (p.from ? [{ from: p.from, to: p.to }] : []));
  const clock = computeClock({
    policy: policyByKey(ticket.slaPolicyKey, policies),
    startedAt,
    pauses,
    now: now < startedAt ? startedAt : now,
    settings,
    stoppedAt: ticket.slaStoppedAt,
  });
  const open = pauses.find((p) => p.to === null);
  const pausedAt = open && !ticket.slaStoppedAt ? open.from.toISOString() : null;
  // A pause opened this very moment has not begun for the rule yet; it waits all the same.
  const next = open ? null : (clock.nextChangeAt?.toISOString() ?? null);
  // Only a complaint's or an urgent request's ticket runs under these policies (every path that
  // makes one sets it): other tickets skip the followers' writes and their planning.
  const followers = FOLLOWED_POLICIES.has(ticket.slaPolicyKey) ? Prisma.sql`${dueFollowerWrites("changed")}, ` : Prisma.empty;
  // The ticket and its moment in the sweep's schedule (SlaCheck: a row, or none to watch) in one
  // statement; "updatedAt" is the wall clock, as Prisma's @updatedAt writes it.
  await tx.$executeRaw`
    WITH changed AS (
      UPDATE "Ticket" SET "slaDueAt" = (${clock.dueAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "slaState" = ${clock.state}::"SlaState",
        "slaAtRiskAt" = (${clock.atRiskAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
        "slaPausedAt" = (${pausedAt}::timestamptz AT TIME ZONE 'UTC'), "updatedAt" = (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC')
      WHERE "id" = ${ticketId} RETURNING "id", "slaDueAt" AS "due"
    ), ${followers}unscheduled AS (
      DELETE FROM "SlaCheck" c USING changed WHERE c."ticketId" = changed."id" AND ${next}::text IS NULL
    )
    INSERT INTO "SlaCheck" ("ticketId", "at") SELECT "id", (${next}::timestamptz AT TIME ZONE 'UTC') FROM changed WHERE ${next}::text IS NOT NULL
    ON CONFLICT ("ticketId") DO UPDATE SET "at" = EXCLUDED."at"`;
}

/** The policies of the tickets whose due time a complaint or an urgent request follows. */
const FOLLOWED_POLICIES: ReadonlySet<string> = new Set<DefaultPolicyKey>(["COMPLAINT", "URGENT_REQUEST"]);

/**
 * A complaint's stage and an urgent request are judged by the due time they hold; it is their
 * ticket's answer clock, so it moves with it (a pause on the customer, a closure day, a policy
 * change). Only while that clock is theirs: an open complaint in an internal stage, an urgent
 * request not yet answered and not found not urgent. Two entries for the caller's WITH, from the
 * rows (id, due) of the query named `rows`.
 */
export function dueFollowerWrites(rows: "changed" | "moved"): Prisma.Sql {
  const source = Prisma.raw(rows);
  return Prisma.sql`
    complaint_due AS (
      UPDATE "Complaint" c SET "dueAt" = s."due" FROM ${source} s
      WHERE c."ticketId" = s."id" AND c."status" = 'OPEN' AND c."stage" IN ('STAGE_1', 'STAGE_2') AND c."dueAt" IS DISTINCT FROM s."due"
    ), urgent_due AS (
      UPDATE "UrgentRequest" u SET "dueAt" = s."due" FROM ${source} s
      WHERE u."ticketId" = s."id" AND u."answeredAt" IS NULL AND u."verification" IS DISTINCT FROM 'NOT_URGENT' AND u."dueAt" IS DISTINCT FROM s."due"
    )`;
}

/**
 * A fresh clock from now under `policyKey`, whatever the current one did: a complaint's next tier
 * owes its own answer (the ombudsman's five working days), also when stage 1 was answered. Earlier
 * pauses no longer count; a ticket waiting on the customer starts its new clock paused.
 */
export async function restartClock(tx: SqlTx, ticketId: string, policyKey: string, now: Date): Promise<void> {
  const [ticket] = await tx.$queryRaw<{ status: TicketStatus }[]>`
    UPDATE "Ticket" SET "slaPolicyKey" = ${policyKey}, "slaStartedAt" = ${now}, "slaStoppedAt" = NULL
    WHERE "id" = ${ticketId} RETURNING "status"::text AS "status"`;
  if (!ticket) throw new Error(`ticket ${ticketId} not found`);
  await writePauses(tx, ticketId, { close: true, open: ticket.status === "PENDING_CUSTOMER" }, now);
  await refreshClock(tx, ticketId, now);
}

/** Ends the ticket's open pause now (`close`), and/or opens one now (`open`). */
async function writePauses(tx: SqlTx, ticketId: string, pauses: { close: boolean; open: boolean }, now: Date): Promise<void> {
  if (pauses.close) await tx.$executeRaw`UPDATE "SlaPause" SET "to" = ${now} WHERE "ticketId" = ${ticketId} AND "to" IS NULL`;
  if (pauses.open) await tx.$executeRaw`INSERT INTO "SlaPause" ("id", "ticketId", "from") VALUES (${newId()}, ${ticketId}, ${now})`;
}

/** Whether the ticket's current clock was stopped by an answer (rather than only by resolving). */
async function answeredThisRun(tx: SqlTx, ticketId: string, startedAt: Date | null): Promise<boolean> {
  if (!startedAt) return false;
  const hit = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "TicketEvent" WHERE "ticketId" = ${ticketId} AND "kind" = ${ANSWERED_EVENT} AND "data"->>'startedAt' = ${startedAt.toISOString()} LIMIT 1`;
  return hit.length > 0;
}

interface ClockTicket {
  id: string;
  status: TicketStatus;
  slaStartedAt: Date | null;
  slaStoppedAt: Date | null;
}

/**
 * Works out what the event does to the clock (lifecycle rule) and applies the pauses; returns the
 * step and the clock fields to write with the ticket's own update. Call finishClockEvent after it.
 */
export async function beginClockEvent(
  tx: SqlTx,
  ticket: ClockTicket,
  event: ClockEvent,
  now: Date,
): Promise<{ step: ClockStep; data: { slaStartedAt?: Date; slaStoppedAt?: Date | null } }> {
  const answered = ticket.slaStoppedAt !== null && (await answeredThisRun(tx, ticket.id, ticket.slaStartedAt));
  const step = clockStep({ status: ticket.status, startedAt: ticket.slaStartedAt, stoppedAt: ticket.slaStoppedAt, answered }, event);
  await writePauses(tx, ticket.id, { close: step.closePause || step.restart, open: step.openPause }, now);
  const data: { slaStartedAt?: Date; slaStoppedAt?: Date | null } = {};
  if (step.restart) Object.assign(data, { slaStartedAt: now, slaStoppedAt: null });
  if (step.stop) data.slaStoppedAt = now;
  return { step, data };
}

/**
 * After the ticket's update: re-judges the clock, records an answer that stopped it, and stops an
 * urgent request's countdown at the first answer or resolution (its answeredAt is set once).
 */
export async function finishClockEvent(tx: SqlTx, ticketId: string, step: ClockStep, actorId: string | null, now: Date, changed = false): Promise<void> {
  if (step.stop || step.restart || step.openPause || step.closePause || changed) await refreshClock(tx, ticketId, now);
  if (step.answers) {
    const [t] = await tx.$queryRaw<{ slaStartedAt: Date | null; slaDueAt: Date | null; slaState: string | null }[]>`
      SELECT "slaStartedAt", "slaDueAt", "slaState"::text AS "slaState" FROM "Ticket" WHERE "id" = ${ticketId}`;
    if (!t) throw new Error(`ticket ${ticketId} not found`);
    const data = { startedAt: t.slaStartedAt?.toISOString() ?? null, dueAt: t.slaDueAt?.toISOString() ?? null, state: t.slaState };
    await tx.$executeRaw(eventSql(ticketId, actorId, ANSWERED_EVENT, data, now));
  }
  if (step.stop) await answerUrgentRequest(tx, ticketId, now);
}

/** An urgent request's countdown stops at its first answer: answeredAt is set once. */
async function answerUrgentRequest(tx: SqlTx, ticketId: string, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "UrgentRequest" SET "answeredAt" = ${now} WHERE "ticketId" = ${ticketId} AND "answeredAt" IS NULL`;
}

/**
 * A complaint's own ticket is answered by the complaint's answer (answerComplaint), which marks the
 * complaint answered first: until then a reply on it (a question back, a holding reply) or a call
 * leaves the stage's term running, and can wait on the complainant.
 */
async function awaitsComplaintAnswer(tx: Tx, ticketId: string): Promise<boolean> {
  return (await tx.complaint.count({ where: { ticketId, status: "OPEN" } })) > 0;
}

/** A substantive answer reached the customer (a reply, a letter, a call that answered). */
export async function recordAnswer(tx: Tx, ticketId: string, actorId: string | null, now: Date): Promise<void> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { id: true, status: true, slaStartedAt: true, slaStoppedAt: true, slaPolicyKey: true } });
  if (ticket.slaPolicyKey === "COMPLAINT" && (await awaitsComplaintAnswer(tx, ticketId))) return;
  const { step, data } = await beginClockEvent(tx, ticket, { kind: "ANSWER" }, now);
  if (Object.keys(data).length > 0) await tx.ticket.update({ where: { id: ticketId }, data });
  await finishClockEvent(tx, ticketId, step, actorId, now);
  // The urgent request was answered even when a resolution had stopped the ticket's clock first.
  await answerUrgentRequest(tx, ticketId, now);
}
