import "server-only";
import { Prisma } from "@prisma/client";
import { audit, auditMany } from "@/lib/audit/mutations";
import type { Db } from "@/lib/db/client";
import { momentSql, readRows, wholeNumber } from "@/lib/db/prepared";
import { sqlTransaction } from "@/lib/db/sql";
import { mailText } from "@/lib/mail-templates/queries";
import { mailPendingNotifications, notifyMany } from "@/lib/notifications/mutations";
import { coordinatorsOf } from "@/lib/notifications/recipients";
import { enqueueMail } from "@/lib/outbox/mutations";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import type { CalendarSettings } from "@/lib/calendar/holidays";
import { RECHECK_DONE_KEY, RECHECK_KEY } from "@/lib/sla/recheck";
import { type ClockResult, computeClock, policyByKey, type SlaPolicy } from "@/lib/sla/rules";
import { SURVEYED_TICKETS } from "@/lib/survey/rules";
import { slotHours } from "@/lib/callbacks/rules";
import { dueFollowerWrites } from "@/lib/tickets/answer-clock";
import { OPEN_STATUSES } from "@/lib/tickets/rules";
import { enqueueWebhookEvent, enqueueWebhookEvents } from "@/lib/webhooks/enqueue";
import { autoCloseBefore, reminderWindow } from "./rules";

// Every sweep is idempotent on its own (conditional updates, unique notification keys), so two
// sweepers racing do no harm even where the advisory lock cannot separate them.

// One read of clocks at a time; a run reads batches until no clock's moment has come.
const SLA_BATCH = 1000;
// A clock whose recomputed state did not change is looked at again no sooner than this.
const RECHECK_FLOOR_MS = 60_000;
// State changes written per transaction (all or, on an error, one by one); a batch's two run side by side.
const SLA_CHANGES_PER_TRANSACTION = 500;

/**
 * Moves SLA states forward and tells the assignee and the team's coordinators, once per state;
 * at the end of the run each person who asked for mail gets one per kind (a digest of the run's
 * warnings), however many transactions the run took.
 * Reads only the clocks whose stored next moment has come (SlaCheck, written by every change to a
 * clock): with a million open clocks a run looks at the few that change, not at all.
 * Per ticket one transaction holds the state change, its next moment, its audit event and its
 * notifications (and their mails), so a crash between them cannot lose a warning. The conditional
 * update keeps it idempotent: when another sweeper moved the clock first, this one writes nothing.
 * A ticket whose transaction fails keeps its moment for the next run and does not stop the others.
 */
export async function sweepSlaStates(db: Db, now: Date): Promise<Tally & { mailed: number }> {
  const [settings, policies, recheck] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db), pendingRecheck(db)]);
  const total: Tally = { changed: 0, dueMoved: 0, notified: 0, failed: 0 };
  // After a change to the calendar, opening hours or a policy: every running clock once, here in
  // the background rather than in the admin's save (a million rows would hold it for minutes).
  if (recheck !== null) {
    await sweepClocks(db, now, "running", settings, policies, total);
    await db.setting.upsert({ where: { key: RECHECK_DONE_KEY }, create: { key: RECHECK_DONE_KEY, value: { version: recheck } }, update: { value: { version: recheck } } });
  }
  await sweepClocks(db, now, "due", settings, policies, total);
  // Also what an earlier run that stopped halfway left waiting.
  return { ...total, mailed: await mailPendingNotifications(db, now) };
}

/** State changes, due times moved without one, people told, and clocks that could not be written. */
type Tally = { changed: number; dueMoved: number; notified: number; failed: number };

/** An unchanged clock's next moment, moved only if it is still the one read (`seen`). */
type NextCheckMove = { id: string; seen: Date; next: Date | null };

async function sweepClocks(db: Db, now: Date, scope: ClockScope, settings: CalendarSettings, policies: Record<string, SlaPolicy>, total: Tally): Promise<void> {
  let reading: Promise<SweptTicket[]> | null = readClocks(db, now, scope, null);
  while (reading) {
    const tickets: SweptTicket[] = await reading;
    // The next batch starts after this one's last clock, so the database reads it while this
    // process works this one out and writes it (a write moves a clock past now, never into a
    // batch still to come). Handled here, so a failed read waits for the await below.
    reading = tickets.length < SLA_BATCH ? null : readClocks(db, now, scope, tickets[tickets.length - 1]!);
    reading?.catch(() => undefined);
    // Sent before the rule's work holds this process.
    await new Promise((resolve) => setImmediate(resolve));
    const { changes, unchanged } = sortClocks(tickets, policies, settings, now);
    await writeBatch(db, changes, unchanged, now, total);
  }
}

/**
 * Which clocks change state or due time, and which only move their next moment (if it moves).
 * A due time (and the at-risk moment with it) moves without a change of state after a change to
 * the calendar or a policy (a closure day: due a working day later); staff, the queue's order and
 * the customer read it. A paused clock's times are left: they count from whenever the pause ends.
 */
function sortClocks(tickets: readonly SweptTicket[], policies: Record<string, SlaPolicy>, settings: CalendarSettings, now: Date) {
  const unchanged: NextCheckMove[] = [];
  const changes: SlaChange[] = [];
  for (const ticket of tickets) {
    const clock = clockOf(ticket, policies, settings, now);
    if (clock && (clock.state !== ticket.slaState || (!clock.paused && (clock.dueAt.getTime() !== ticket.slaDueAt?.getTime() || clock.atRiskAt.getTime() !== ticket.slaAtRiskAt?.getTime())))) {
      changes.push({ ticket, clock });
      continue;
    }
    // Nothing changed (or the clock no longer runs): only its next moment moves, if it does.
    const computed = clock?.nextChangeAt ?? null;
    const next = computed && computed.getTime() <= now.getTime() ? new Date(now.getTime() + RECHECK_FLOOR_MS) : computed;
    if (next?.getTime() !== ticket.nextCheckAt.getTime()) unchanged.push({ id: ticket.id, seen: ticket.nextCheckAt, next });
  }
  return { changes, unchanged };
}

/** A batch's writes, its changes in transactions of SLA_CHANGES_PER_TRANSACTION side by side. */
async function writeBatch(db: Db, changes: SlaChange[], unchanged: NextCheckMove[], now: Date, total: Tally): Promise<void> {
  const chunks: SlaChange[][] = [];
  for (let i = 0; i < changes.length; i += SLA_CHANGES_PER_TRANSACTION) chunks.push(changes.slice(i, i + SLA_CHANGES_PER_TRANSACTION));
  // The database writes one transaction while this process prepares the next.
  await Promise.all([
    ...chunks.map(async (chunk) => {
      addTally(total, await applyWithFallback(db, chunk, now));
    }),
    moveNextChecks(db, unchanged),
  ]);
}

/** The recheck an admin's change asked for and no sweep has done yet, as its version; else null. */
async function pendingRecheck(db: Db): Promise<number | null> {
  const rows = await db.setting.findMany({ where: { key: { in: [RECHECK_KEY, RECHECK_DONE_KEY] } } });
  const version = (key: string) => Number((rows.find((r) => r.key === key)?.value as { version?: number } | undefined)?.version ?? 0);
  const requested = version(RECHECK_KEY);
  return requested > version(RECHECK_DONE_KEY) ? requested : null;
}

/**
 * A clock as the sweep reads it: only what the rule needs. Who is told what of a change (number,
 * subject, assignee, team, organisation) comes back from the change's own update, so the many
 * clocks that do not change are read lean (a recheck reads every running one).
 */
interface SweptTicket {
  id: string;
  status: string;
  slaPolicyKey: string | null;
  slaState: string | null;
  slaStartedAt: Date | null;
  slaDueAt: Date | null;
  slaAtRiskAt: Date | null;
  slaStoppedAt: Date | null;
  nextCheckAt: Date;
  pauses: readonly { from: Date; to: Date | null }[];
}

type EpochMs = number | null;

const dateOf = (ms: EpochMs) => (ms === null ? null : new Date(ms));

// Shared by every clock without pauses, so frozen.
const NO_PAUSES: SweptTicket["pauses"] = Object.freeze([]);

type ClockScope = "due" | "running";

/**
 * One batch of clocks (whose moment has come, or every running one), then the pauses of those that
 * have any, in a second statement: a subquery per clock cost about 4 µs a row even with no pauses
 * at all (reading 695,833 clocks: 4.2-5.4 s with it, 1.2 s without). Times travel as epoch
 * milliseconds (no time-zone guessing).
 */
async function readClocks(db: Db, now: Date, scope: ClockScope, after: SweptTicket | null): Promise<SweptTicket[]> {
  // "due": the moment has come, oldest first; "running": every clock with a moment, by id. Each
  // batch starts where the last ended, by a condition an index serves: the clocks a batch just
  // moved left dead index entries behind, and a scan from the start of the range would step over
  // all of them again (a wave of 120,000 changes spent 8.7 s reading that way, against 1.2 s).
  const batch = wholeNumber(SLA_BATCH);
  const due = Prisma.sql`c."at" <= ${momentSql(now)}`;
  // "due": the batch is taken from the schedule first and its tickets looked up by id. "running":
  // both tables are walked side by side in id order (a merge join), each from where the last batch
  // ended; 1,000 clocks of 1,000,000 tickets in 2.3-5.4 ms against 23-29 ms looking each ticket up
  // by id. Without the condition on Ticket's side the planner merged from the start of Ticket for
  // every batch (a recheck of 700,000 clocks took 136 s).
  const source =
    scope === "due"
      ? Prisma.sql`(
          SELECT c."ticketId", c."at" FROM "SlaCheck" c
          WHERE ${due} ${after ? Prisma.sql`AND (c."at", c."ticketId") > (${momentSql(after.nextCheckAt)}, ${after.id})` : Prisma.empty}
          ORDER BY c."at", c."ticketId" LIMIT ${batch}
        ) c JOIN "Ticket" t ON t."id" = c."ticketId"
        ORDER BY c."at", c."ticketId"`
      : Prisma.sql`"SlaCheck" c JOIN "Ticket" t ON t."id" = c."ticketId"
        ${after ? Prisma.sql`WHERE c."ticketId" > ${after.id} AND t."id" > ${after.id}` : Prisma.empty}
        ORDER BY c."ticketId" LIMIT ${batch}`;
  const rows = await readRows<Omit<SweptTicket, "slaStartedAt" | "slaDueAt" | "slaAtRiskAt" | "slaStoppedAt" | "nextCheckAt" | "pauses"> & { startedMs: EpochMs; dueMs: EpochMs; atRiskMs: EpochMs; stoppedMs: EpochMs; nextMs: number }>(
    db,
    Prisma.sql`
    SELECT t."id", t."status"::text AS "status", t."slaPolicyKey", t."slaState"::text AS "slaState",
      (extract(epoch FROM t."slaStartedAt") * 1000)::float8 AS "startedMs",
      (extract(epoch FROM t."slaDueAt") * 1000)::float8 AS "dueMs",
      (extract(epoch FROM t."slaAtRiskAt") * 1000)::float8 AS "atRiskMs",
      (extract(epoch FROM t."slaStoppedAt") * 1000)::float8 AS "stoppedMs",
      (extract(epoch FROM c."at") * 1000)::float8 AS "nextMs"
    FROM ${source}`,
  );
  const pauses = await pausesOf(db, rows.map((row) => row.id));
  // Field by field: with a rest and a spread the mapping took 4 µs a row (2.75 s of the recheck's 695,833).
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    slaPolicyKey: row.slaPolicyKey,
    slaState: row.slaState,
    slaStartedAt: dateOf(row.startedMs),
    slaDueAt: dateOf(row.dueMs),
    slaAtRiskAt: dateOf(row.atRiskMs),
    slaStoppedAt: dateOf(row.stoppedMs),
    nextCheckAt: new Date(row.nextMs),
    pauses: pauses.get(row.id) ?? NO_PAUSES,
  }));
}

/** The pauses of these tickets, each ticket's in order; tickets without any are left out. */
async function pausesOf(db: Db, ticketIds: readonly string[]): Promise<Map<string, SweptTicket["pauses"]>> {
  const byTicket = new Map<string, { from: Date; to: Date | null }[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await readRows<{ ticketId: string; fromMs: number; toMs: EpochMs }>(
    db,
    Prisma.sql`
    SELECT p."ticketId", (extract(epoch FROM p."from") * 1000)::float8 AS "fromMs", (extract(epoch FROM p."to") * 1000)::float8 AS "toMs"
    FROM "SlaPause" p WHERE p."ticketId" = ANY(${ticketIds}::text[])
    ORDER BY p."ticketId", p."from"`,
  );
  for (const row of rows) {
    const list = byTicket.get(row.ticketId) ?? [];
    list.push({ from: new Date(row.fromMs), to: dateOf(row.toMs) });
    byTicket.set(row.ticketId, list);
  }
  return byTicket;
}

function clockOf(ticket: SweptTicket, policies: Record<string, SlaPolicy>, settings: CalendarSettings, now: Date): ClockResult | null {
  const startedAt = ticket.slaStartedAt;
  if (!startedAt || ticket.slaStoppedAt || !(OPEN_STATUSES as readonly string[]).includes(ticket.status) || startedAt > now) return null;
  return computeClock({
    policy: policyByKey(ticket.slaPolicyKey ?? "WRITTEN_QUESTION", policies),
    startedAt,
    pauses: ticket.pauses.length === 0 ? NO_PAUSES : ticket.pauses.filter((p) => p.from >= startedAt && p.from <= now).map((p) => ({ from: p.from, to: p.to && p.to <= now ? p.to : null })),
    now,
    settings,
  });
}

interface SlaChange {
  ticket: SweptTicket;
  clock: ClockResult;
}

/** A changed ticket as its update left it: what its audit event, notifications and webhook name. */
interface WrittenTicket {
  id: string;
  number: string;
  subject: string;
  organisationId: string | null;
  teamId: string | null;
  assigneeId: string | null;
}

/**
 * A chunk of changes in one transaction; when it fails, each change on its own, so one ticket
 * that cannot be written does not hold back the others (it keeps its moment for the next run).
 */
async function applyWithFallback(db: Db, chunk: SlaChange[], now: Date): Promise<Tally> {
  try {
    return { ...(await applySlaStates(db, chunk, now)), failed: 0 };
  } catch (error) {
    if (chunk.length === 1) {
      console.error(`[sweeps] sla ${chunk[0]!.ticket.id} failed: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
      return { changed: 0, dueMoved: 0, notified: 0, failed: 1 };
    }
    const total: Tally = { changed: 0, dueMoved: 0, notified: 0, failed: 0 };
    for (const change of chunk) addTally(total, await applyWithFallback(db, [change], now));
    return total;
  }
}

function addTally(total: Tally, outcome: Tally): void {
  total.changed += outcome.changed;
  total.dueMoved += outcome.dueMoved;
  total.notified += outcome.notified;
  total.failed += outcome.failed;
}

/**
 * The new states and due times, with the state changes' audit events and notifications (and
 * mails), set-based: one update, one insert of audit events, one of notifications. The update
 * holds only where the clock is still as read, so a sweeper that raced this one, or a reply
 * meanwhile, wins and nothing doubles. A due time that moved without a change of state warns nobody.
 */
async function applySlaStates(db: Db, changes: SlaChange[], now: Date): Promise<Omit<Tally, "failed">> {
  // Raw statements only, outside Prisma (lib/db/sql.ts): through Prisma the wave of 120,486 spent
  // most of this process's 14 s of CPU handing its arrays to the query compiler.
  return sqlTransaction(db, async (tx) => {
    // The ticket's state and, for the clocks whose state was still as read, their next moment;
    // back come the written tickets as they are now, for the audit events and the notifications.
    // At a clock's moment only its state changes (its due time and at-risk moment stay), and no
    // index holds the state: PostgreSQL rewrites the row beside itself, without index entries.
    const done = await tx.$queryRaw<WrittenTicket[]>`
      WITH changed AS (
        UPDATE "Ticket" AS t
        SET "slaState" = v.state::"SlaState",
            "slaDueAt" = (v.due::timestamptz AT TIME ZONE 'UTC'),
            "slaAtRiskAt" = (v.risk::timestamptz AT TIME ZONE 'UTC'),
            "updatedAt" = ${now}
        FROM unnest(
          ${changes.map((c) => c.ticket.id)}::text[],
          ${changes.map((c) => c.ticket.slaState)}::text[],
          ${changes.map((c) => c.ticket.slaStartedAt!.toISOString())}::text[],
          ${changes.map((c) => c.clock.state)}::text[],
          ${changes.map((c) => c.clock.dueAt.toISOString())}::text[],
          ${changes.map((c) => c.clock.nextChangeAt?.toISOString() ?? null)}::text[],
          ${changes.map((c) => c.clock.atRiskAt.toISOString())}::text[]
        ) AS v(id, old, started, state, due, next, risk)
        WHERE t."id" = v.id AND t."slaState" = v.old::"SlaState" AND t."slaStartedAt" = (v.started::timestamptz AT TIME ZONE 'UTC')
          AND t."slaStoppedAt" IS NULL
        RETURNING t."id", t."number", t."subject", t."organisationId", t."teamId", t."assigneeId", v.next, NULL::text AS seen
      ), ${scheduleWrites("changed")}
      SELECT "id", "number", "subject", "organisationId", "teamId", "assigneeId" FROM changed`;
    const byId = new Map(done.map((row) => [row.id, row]));
    // A moved due time (a recheck) moves the complaint's or urgent request's that the clock judges.
    const moved = changes.filter(({ ticket, clock }) => byId.has(ticket.id) && clock.dueAt.getTime() !== ticket.slaDueAt?.getTime());
    if (moved.length > 0) {
      await tx.$executeRaw`
        WITH moved AS (
          SELECT v.id, (v.due::timestamptz AT TIME ZONE 'UTC') AS "due"
          FROM unnest(${moved.map((c) => c.ticket.id)}::text[], ${moved.map((c) => c.clock.dueAt.toISOString())}::text[]) AS v(id, due)
        ), ${dueFollowerWrites("moved")}
        SELECT 1`;
    }
    const applied = changes.flatMap(({ ticket, clock }) => {
      const row = byId.get(ticket.id);
      return row && clock.state !== ticket.slaState ? [{ ticket, clock, row }] : [];
    });
    await auditMany(
      tx,
      applied.map(({ ticket, clock, row }) => ({ actorId: null, action: "sla.state_changed", entityType: "Ticket", entityId: ticket.id, organisationId: row.organisationId, data: { from: ticket.slaState, to: clock.state } })),
    );
    const warned = applied.filter((c) => c.clock.state !== "ON_TRACK");
    const coordinators = new Map<string | null, string[]>();
    for (const teamId of new Set(warned.map((c) => c.row.teamId))) coordinators.set(teamId, await coordinatorsOf(tx, teamId));
    const notified = await notifyMany(
      tx,
      warned.map(({ ticket, clock, row }) => ({
        recipients: [...(row.assigneeId ? [row.assigneeId] : []), ...(coordinators.get(row.teamId) ?? [])],
        kind: clock.state === "AT_RISK" ? "sla.at_risk" : "sla.breached",
        entityType: "Ticket",
        entityId: ticket.id,
        data: { number: row.number, subject: row.subject, state: clock.state },
        // One per clock run and state: a re-opened ticket's new clock may warn again.
        dedupeKey: `sla:${ticket.id}:${ticket.slaStartedAt!.toISOString()}:${clock.state}`,
        now,
      })),
      { mail: "later" },
    );
    await enqueueWebhookEvents(
      tx,
      "sla.breached",
      applied
        .filter((c) => c.clock.state === "BREACHED")
        .map(({ ticket, clock, row }) => ({ ticketId: ticket.id, number: row.number, policy: ticket.slaPolicyKey, dueAt: clock.dueAt.toISOString(), organisationId: row.organisationId })),
      now,
    );
    return { changed: applied.length, dueMoved: done.length - applied.length, notified };
  });
}

/**
 * Writes the recomputed next moments in one statement. Only where the moment is still the one
 * read: a clock changed meanwhile (a reply, a pause) already holds its own, newer moment.
 */
async function moveNextChecks(db: Db, rows: NextCheckMove[]): Promise<void> {
  if (rows.length === 0) return;
  // One statement, atomic on its own: no BEGIN and COMMIT around it. Past Prisma (lib/db/sql.ts).
  await readRows(
    db,
    Prisma.sql`
    WITH moves AS (
      SELECT * FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.next?.toISOString() ?? null)}::text[], ${rows.map((r) => r.seen.toISOString())}::text[]) AS v(id, next, seen)
    ), ${scheduleWrites("moves")}
    SELECT 1`,
    // Planned for its arrays each time, as it was inside the transaction.
    { planEachTime: true },
  );
}

/**
 * The schedule's writes for the rows (id, next, seen) of the query named `rows`, as two more
 * entries of the caller's WITH (PostgreSQL runs data-modifying WITH entries only at the top
 * level): a next moment moves the clock's row, none removes it. With `seen`, only a row still at
 * that moment (an unchanged clock); without, whatever it holds (the state change that goes with
 * it was guarded). A clock without a row is left without: whatever removed it (an answer, a
 * pause) decided.
 */
function scheduleWrites(rows: "changed" | "moves"): Prisma.Sql {
  const source = Prisma.raw(rows);
  const still = Prisma.sql`(v.seen IS NULL OR c."at" = (v.seen::timestamptz AT TIME ZONE 'UTC'))`;
  return Prisma.sql`
    unscheduled AS (DELETE FROM "SlaCheck" c USING ${source} v WHERE c."ticketId" = v.id AND v.next IS NULL AND ${still}),
    rescheduled AS (
      UPDATE "SlaCheck" c SET "at" = (v.next::timestamptz AT TIME ZONE 'UTC') FROM ${source} v
      WHERE c."ticketId" = v.id AND v.next IS NOT NULL AND ${still}
    )`;
}

/** RESOLVED tickets close seven days after they were resolved. */
export async function sweepAutoClose(db: Db, now: Date): Promise<number> {
  const due = await db.ticket.findMany({ where: { status: "RESOLVED", resolvedAt: { lte: autoCloseBefore(now) } }, select: { id: true }, take: 1000 });
  let closed = 0;
  for (const { id } of due) {
    closed += await db.$transaction(async (tx) => {
      const updated = await tx.ticket.updateMany({ where: { id, status: "RESOLVED" }, data: { status: "CLOSED", closedAt: now } });
      if (updated.count === 0) return 0;
      await tx.ticketEvent.create({ data: { ticketId: id, actorId: null, kind: "status", data: { from: "RESOLVED", to: "CLOSED", reason: "auto-close" }, createdAt: now } });
      await audit(tx, { actorId: null, action: "ticket.auto_close", entityType: "Ticket", entityId: id });
      await enqueueWebhookEvent(tx, "ticket.status_changed", { ticketId: id, from: "RESOLVED", to: "CLOSED" }, now);
      return 1;
    });
  }
  return closed;
}

/** Invites the requester of a resolved ticket to the satisfaction survey, once per ticket; complaints are not surveyed. */
export async function sweepSurveyInvitations(db: Db, now: Date): Promise<number> {
  const tickets = await db.ticket.findMany({
    // Asked by mail: someone registered from a letter without an e-mail address is not.
    where: { status: "RESOLVED", requester: { is: { email: { not: null } } }, satisfaction: null, resolvedAt: { gt: autoCloseBefore(now), lte: now }, ...SURVEYED_TICKETS },
    include: { requester: { select: { id: true, email: true, locale: true } } },
    take: 500,
  });
  let invited = 0;
  for (const ticket of tickets) {
    const requester = ticket.requester;
    if (!requester?.email) continue;
    const to = requester.email;
    invited += await db.$transaction(async (tx) => {
      const created = await tx.notification.createMany({
        data: [{ userId: requester.id, kind: "survey.invitation", dedupeKey: `survey:${ticket.id}`, entityType: "Ticket", entityId: ticket.id, createdAt: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) return 0;
      // Worded by the admin (/agent/beheer/mailteksten), like the callback reminder below.
      const mail = await mailText(tx, "survey.invitation", requester.locale, { registratienummer: ticket.number, onderwerp: ticket.subject });
      await enqueueMail(tx, {
        kind: "survey.invitation",
        to,
        subject: mail.subject,
        text: mail.text,
        locale: requester.locale,
        ticketId: ticket.id,
        at: now,
      });
      return 1;
    });
  }
  return invited;
}

/** Reminds the person of a booked callback in the hour before the slot, once. */
export async function sweepCallbackReminders(db: Db, now: Date): Promise<number> {
  const window = reminderWindow(now);
  const appointments = await db.callbackAppointment.findMany({
    // A reminder is a mail: nobody to remind without an address.
    where: { status: "BOOKED", slotStart: { gt: window.from, lte: window.to }, person: { is: { email: { not: null } } } },
    include: { person: { select: { id: true, email: true, locale: true } }, ticket: { select: { number: true, subject: true } } },
  });
  let reminded = 0;
  for (const appointment of appointments) {
    const person = appointment.person;
    if (!person?.email) continue;
    const to = person.email;
    reminded += await db.$transaction(async (tx) => {
      const created = await tx.notification.createMany({
        data: [{ userId: person.id, kind: "callback.reminder", dedupeKey: `reminder:${appointment.id}`, entityType: "CallbackAppointment", entityId: appointment.id, createdAt: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) return 0;
      const mail = await mailText(tx, "callback.reminder", person.locale, {
        registratienummer: appointment.ticket.number,
        onderwerp: appointment.ticket.subject,
        tijd: slotHours(appointment.slot),
      });
      await enqueueMail(tx, {
        kind: "callback.reminder",
        to,
        subject: mail.subject,
        text: mail.text,
        locale: person.locale,
        ticketId: appointment.ticketId,
        at: now,
      });
      return 1;
    });
  }
  return reminded;
}
