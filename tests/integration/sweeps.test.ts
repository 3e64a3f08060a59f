import pg from "pg";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { mailPendingNotifications, notifyMany } from "@/lib/notifications/mutations";
import { addClosureDay } from "@/lib/settings/mutations";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { computeClock, policyByKey } from "@/lib/sla/rules";
import { runSweeps } from "@/lib/sweeps/run";
import { sweepAutoClose, sweepCallbackReminders, sweepSlaStates, sweepSurveyInvitations } from "@/lib/sweeps/sweeps";
import { changeTicket, createTicket } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

// Monday 7 December 2026, 09:00 Amsterdam: a 5-working-day question is due Monday 14 December 17:00.
const received = new Date("2026-12-07T08:00:00Z");
const hours = (h: number) => new Date(received.getTime() + h * 3_600_000);
const days = (d: number) => hours(d * 24);

beforeEach(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  // The demo tickets have clocks of their own; these tests watch only the tickets they make.
  await db.ticket.updateMany({ data: { slaState: "BREACHED", status: "CLOSED" } });
});

async function assignedQuestion() {
  const anna = await sessionFor("anna.jansen@burger.example");
  const handler = await sessionFor("behandelaar@loket.example");
  const created = await db.$transaction((tx) =>
    createTicket(tx, { subject: "Betaling", categoryKey: "DOSSIER_QUESTION", channel: "PORTAL", body: "Wanneer?", requesterId: anna.id }, received),
  );
  await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, assigneeId: handler.id, status: "OPEN" }, received));
  return { created, anna, handler };
}

/** Copies of a ticket with its clock as it stands, numbered "<number>-n" and assigned to nobody. */
async function unassignedCopies(ticketId: string, count: number) {
  await db.$executeRawUnsafe(
    `INSERT INTO "Ticket" SELECT (r).* FROM (
       SELECT jsonb_populate_record(t, jsonb_build_object('id', t."id" || '-' || g, 'number', t."number" || '-' || g, 'assigneeId', NULL)) AS r
       FROM "Ticket" t, generate_series(1, $2::int) g WHERE t."id" = $1) s`,
    ticketId,
    count,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "SlaCheck" ("ticketId", "at") SELECT c."ticketId" || '-' || g, c."at" FROM "SlaCheck" c, generate_series(1, $2::int) g WHERE c."ticketId" = $1`,
    ticketId,
    count,
  );
}

/** The clock's next moment in the sweep's schedule; null when nothing is watched. */
async function checkAt(ticketId: string): Promise<Date | null> {
  return (await db.slaCheck.findUnique({ where: { ticketId } }))?.at ?? null;
}

/** Stores a clock's next moment as if it had been written so (too early, too late). */
async function setCheckAt(ticketId: string, at: Date): Promise<void> {
  await db.slaCheck.upsert({ where: { ticketId }, create: { ticketId, at }, update: { at } });
}

/** Waits until `done` holds, checking every 20 ms, for at most 10 s. */
async function until(done: () => Promise<boolean>): Promise<void> {
  for (const start = Date.now(); !(await done()); ) {
    if (Date.now() - start > 10_000) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function notificationsFor(ticketId: string) {
  return db.notification.findMany({ where: { entityId: ticketId }, include: { user: { select: { email: true } } }, orderBy: { kind: "asc" } });
}

describe("SLA sweep", () => {
  it("turns a clock AT_RISK in its last fifth and BREACHED after the due time, telling assignee and coordinator once each", async () => {
    const { created } = await assignedQuestion();
    expect(created.slaDueAt?.toISOString()).toBe("2026-12-14T16:00:00.000Z");

    await sweepSlaStates(db, new Date("2026-12-10T12:00:00Z"));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("ON_TRACK");

    // Monday 14 December 09:30: the last working day, the last 20% of 40 working hours.
    const atRisk = new Date("2026-12-14T08:30:00Z");
    await sweepSlaStates(db, atRisk);
    await sweepSlaStates(db, new Date(atRisk.getTime() + 60_000));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("AT_RISK");
    expect((await notificationsFor(created.id)).map((n) => [n.kind, n.user.email])).toEqual([
      ["sla.at_risk", "behandelaar@loket.example"],
      ["sla.at_risk", "coordinator@loket.example"],
    ].sort());

    await sweepSlaStates(db, new Date("2026-12-14T16:01:00Z"));
    await sweepSlaStates(db, new Date("2026-12-14T16:02:00Z"));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("BREACHED");
    const kinds = (await notificationsFor(created.id)).map((n) => n.kind);
    expect(kinds.filter((k) => k === "sla.breached")).toHaveLength(2);
    expect(kinds).toHaveLength(4);
  });

  it("does not move a clock that waits on the customer", async () => {
    const { created, handler } = await assignedQuestion();
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "PENDING_CUSTOMER" }, hours(2)));
    await sweepSlaStates(db, new Date("2026-12-15T10:00:00Z"));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("ON_TRACK");
    expect(await notificationsFor(created.id)).toEqual([]);
  });

  it("reads a clock's past pauses: a working day waiting on the customer moves its breach a working day later", async () => {
    const { created, handler } = await assignedQuestion();
    // Tuesday 8 December 09:00 to Wednesday 9 December 09:00: Tuesday's eight working hours paused.
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "PENDING_CUSTOMER" }, hours(24)));
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "OPEN" }, hours(48)));
    expect(await db.slaPause.count({ where: { ticketId: created.id, to: { not: null } } })).toBe(1);
    // Its moment is brought forward, so the sweep works the clock out from its start and pauses.
    await setCheckAt(created.id, new Date(0));
    // Past the due time it had without the pause: 32 of 40 working hours used, its last fifth.
    await sweepSlaStates(db, new Date("2026-12-14T16:01:00Z"));
    const atRisk = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect([atRisk.slaState, atRisk.slaDueAt]).toEqual(["AT_RISK", new Date("2026-12-15T16:00:00Z")]);
    await sweepSlaStates(db, new Date("2026-12-15T16:01:00Z"));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("BREACHED");
  });

  it.runIf(inject("databaseKind") === "postgres")("leaves a clock answered between its read and its write as the answer judged it", async () => {
    const { created } = await assignedQuestion();
    // Monday 14 December 09:30: the sweep reads the clock running and works it out AT_RISK; the
    // answer, stopping it ON_TRACK, holds the ticket's row until the sweep's update waits on it.
    const atRisk = new Date("2026-12-14T08:30:00Z");
    const answer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await answer.connect();
    try {
      await answer.query("BEGIN");
      await answer.query(`UPDATE "Ticket" SET "slaStoppedAt" = $2 WHERE "id" = $1`, [created.id, new Date("2026-12-14T08:29:00Z")]);
      const sweep = sweepSlaStates(db, atRisk);
      // Asked on another connection: inside a transaction the activity view stays as first read.
      await until(async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE "Ticket" AS t%'`).length === 1);
      await answer.query("COMMIT");
      expect(await sweep).toMatchObject({ changed: 0, failed: 0 });
    } finally {
      await answer.end();
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("ON_TRACK");
    expect(await notificationsFor(created.id)).toEqual([]);
  });

  it("sends each notification once when two sweepers run at the same moment", async () => {
    const { created } = await assignedQuestion();
    const late = new Date("2026-12-15T10:00:00Z");
    await Promise.all([runSweeps(db, late), runSweeps(db, late), sweepSlaStates(db, late)]);
    const kinds = (await notificationsFor(created.id)).map((n) => n.kind);
    expect(kinds).toEqual(["sla.breached", "sla.breached"]);
  });
});

describe("SLA sweep at scale: only clocks whose moment has come", () => {
  it("changes every due clock in one run, also more than one batch of them, and reads none the second time", async () => {
    const { created } = await assignedQuestion();
    // 1,100 copies of the question (one batch is 1,000): the old sweep took the first 1,000 only.
    await unassignedCopies(created.id, 1099);
    const atRisk = new Date("2026-12-14T08:30:00Z");
    expect(await sweepSlaStates(db, atRisk)).toMatchObject({ changed: 1100, failed: 0 });
    expect(await db.ticket.count({ where: { slaState: "AT_RISK" } })).toBe(1100);
    // Each one now waits for its due time, so a sweep a minute later has nothing to read.
    expect(await db.slaCheck.count({ where: { at: { lte: new Date(atRisk.getTime() + 60_000) } } })).toBe(0);
    expect(await sweepSlaStates(db, new Date(atRisk.getTime() + 60_000))).toEqual({ changed: 0, dueMoved: 0, notified: 0, failed: 0, mailed: 0 });
    const next = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect(await checkAt(created.id)).toEqual(new Date(next.slaDueAt!.getTime() + 1));
  }, 120_000);

  it("mails a person told of many breaches at once one digest that lists them, and the assignee of one breach that one", async () => {
    const { created } = await assignedQuestion();
    // 30 more questions of the same team, unassigned: only the team's coordinators hear of those.
    await unassignedCopies(created.id, 30);
    const late = new Date("2026-12-15T10:00:00Z");
    expect(await sweepSlaStates(db, late)).toMatchObject({ changed: 31, failed: 0 });
    const breached = await db.notification.findMany({ where: { kind: "sla.breached" }, include: { user: { select: { email: true } } } });
    const coordinatorNotes = breached.filter((n) => n.user.email === "coordinator@loket.example");
    expect(coordinatorNotes).toHaveLength(31);
    expect(coordinatorNotes.every((n) => n.mailedAt?.getTime() === late.getTime())).toBe(true);

    const mails = await db.outboxMessage.findMany({ where: { kind: "notification.sla.breached" } });
    // One mail per person, however many of their tickets breached.
    expect(mails.map((m) => m.toAddress).sort()).toEqual([...new Set(breached.map((n) => n.user.email))].sort());
    const digest = mails.find((m) => m.toAddress === "coordinator@loket.example")!;
    expect(digest.subject).toBe("Loket: 31 termijnen overschreden");
    expect(digest.bodyText).toContain(`- Termijn overschreden: ${created.number}\n`);
    expect(digest.bodyText.match(/^- Termijn overschreden: /gm)).toHaveLength(20);
    expect(digest.bodyText).toContain("- en 11 meer");
    expect(digest.bodyText).toMatch(/\/agent\/meldingen\n/);
    const own = mails.find((m) => m.toAddress === "behandelaar@loket.example")!;
    expect(own.subject).toBe(`Loket: Termijn overschreden: ${created.number}`);

    await sweepSlaStates(db, new Date(late.getTime() + 60_000));
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(mails.length);
  });

  // The wave at the end of a working day commits its changes 500 at a time; mailed per
  // transaction, a coordinator got a digest for each (241 for 120,000 breaches, bench:sweep).
  it("mails each person one digest per kind for a whole run, however many transactions it took", async () => {
    const { created } = await assignedQuestion();
    await unassignedCopies(created.id, 1_100);
    const late = new Date("2026-12-15T10:00:00Z");
    const outcome = await sweepSlaStates(db, late);
    expect(outcome).toMatchObject({ changed: 1_101, failed: 0 });
    const mails = await db.outboxMessage.findMany({ where: { kind: "notification.sla.breached" }, orderBy: { toAddress: "asc" } });
    // One mail for each person who asked for mail: the coordinator hears of all 1,101 in one
    // digest, the assignee of the one question of that one.
    const wanted = await db.notification.findMany({ where: { kind: "sla.breached", mailedAt: { not: null } }, distinct: ["userId"], select: { user: { select: { email: true } } } });
    expect(mails.map((m) => m.toAddress)).toEqual(wanted.map((n) => n.user.email).sort());
    expect(outcome.mailed).toBe(mails.length);
    expect(mails.find((m) => m.toAddress === "coordinator@loket.example")?.subject).toBe("Loket: 1101 termijnen overschreden");
    expect(mails.find((m) => m.toAddress === "behandelaar@loket.example")?.subject).toBe(`Loket: Termijn overschreden: ${created.number}`);
    // Events of one moment (from two transactions side by side) list by ticket, oldest first:
    // the question, then its copies, whose ids sort after its own.
    const coordinator = mails.find((m) => m.toAddress === "coordinator@loket.example")!;
    const tickets = await db.ticket.findMany({ where: { id: { startsWith: created.id } }, select: { id: true, number: true } });
    const first = tickets.sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, 20).map((t) => `- Termijn overschreden: ${t.number}`);
    expect(first[0]).toBe(`- Termijn overschreden: ${created.number}`);
    expect(coordinator.bodyText).toContain(`${first.join("\n")}\n- en 1081 meer`);
    // Every notification marked mailed at the sweep's moment, none left waiting.
    expect(await db.notification.count({ where: { kind: "sla.breached", mailPendingAt: { not: null } } })).toBe(0);
    const mailed = await db.notification.findMany({ where: { kind: "sla.breached", user: { email: "coordinator@loket.example" } }, select: { mailedAt: true } });
    expect(mailed).toHaveLength(1_101);
    expect(mailed.every((n) => n.mailedAt?.getTime() === late.getTime())).toBe(true);
    // The next run writes no mail again.
    expect(await sweepSlaStates(db, new Date(late.getTime() + 60_000))).toMatchObject({ changed: 0, mailed: 0 });
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(mails.length);
  }, 120_000);

  it("mails what a run that stopped halfway left waiting, once, on the next run", async () => {
    const { created } = await assignedQuestion();
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } });
    // Before the question's own clock turns: the runs below change nothing, they only mail.
    const late = new Date("2026-12-08T10:00:00Z");
    // As the wave writes them, with the mails left for the end of a run that never came.
    await db.$transaction((tx) =>
      notifyMany(
        tx,
        [1, 2].map((n) => ({
          recipients: [coordinator.id],
          kind: "sla.breached" as const,
          entityType: "Ticket",
          entityId: created.id,
          data: { number: `${created.number}-${n}`, subject: "Betaling", state: "BREACHED" },
          dedupeKey: `halfway:${n}`,
          now: late,
        })),
        { mail: "later" },
      ),
    );
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(0);
    const next = new Date(late.getTime() + 60_000);
    // A sweep and a second mailer at the same moment: the mail is written once.
    const [alone, sweep] = await Promise.all([mailPendingNotifications(db, next), sweepSlaStates(db, next)]);
    expect(alone + sweep.mailed).toBe(1);
    const mails = await db.outboxMessage.findMany({ where: { kind: "notification.sla.breached", toAddress: "coordinator@loket.example" } });
    expect(mails.map((m) => m.subject)).toEqual(["Loket: 2 termijnen overschreden"]);
    expect(mails[0]!.bodyText).toMatch(new RegExp(`- Termijn overschreden: ${created.number}-1\\n- Termijn overschreden: ${created.number}-2\\n`));
    await sweepSlaStates(db, new Date(next.getTime() + 60_000));
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached", toAddress: "coordinator@loket.example" } })).toBe(1);
  });

  it("does not read a clock before its moment; a change to the calendar has every running clock read again", async () => {
    const { created } = await assignedQuestion();
    // As if its moment had been stored too late: the sweep trusts it and leaves the clock alone.
    await setCheckAt(created.id, new Date("2026-12-31T00:00:00Z"));
    const late = new Date("2026-12-15T10:00:00Z");
    await sweepSlaStates(db, late);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("ON_TRACK");
    const admin = await sessionFor("admin@loket.example");
    await db.$transaction((tx) => addClosureDay(tx, { date: "2027-01-04", reasonNl: "Sluiting", reasonEn: "Closure" }, admin.id, late));
    // The admin's save asks for the recheck; it does not rewrite the tickets itself.
    expect(await checkAt(created.id)).toEqual(new Date("2026-12-31T00:00:00Z"));
    await sweepSlaStates(db, late);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).slaState).toBe("BREACHED");
    // Done once: the version asked for is recorded as done.
    const versions = await db.setting.findMany({ where: { key: { in: ["sla.recheck", "sla.recheck.done"] } }, orderBy: { key: "asc" } });
    expect(versions.map((v) => v.value)).toEqual([{ version: 1 }, { version: 1 }]);
  });

  it("moves a running clock's due time after a closure day, where staff and the customer read it, without a warning", async () => {
    const { created } = await assignedQuestion();
    expect(created.slaDueAt).toEqual(new Date("2026-12-14T16:00:00Z"));
    const tuesday = hours(24);
    const admin = await sessionFor("admin@loket.example");
    // Thursday 10 December closed: the fifth working day from Monday is Tuesday 15 December.
    await db.$transaction((tx) => addClosureDay(tx, { date: "2026-12-10", reasonNl: "Sluiting", reasonEn: "Closure" }, admin.id, tuesday));
    expect(await sweepSlaStates(db, tuesday)).toMatchObject({ changed: 0, dueMoved: 1, notified: 0, failed: 0 });
    const moved = await db.ticket.findUniqueOrThrow({ where: { id: created.id } });
    expect([moved.slaState, moved.slaDueAt]).toEqual(["ON_TRACK", new Date("2026-12-15T16:00:00Z")]);
    // Its last fifth (9.6 of 48 working hours) begins a working day later too: Monday 15:24
    // Amsterdam instead of Friday 15:24.
    expect(await checkAt(created.id)).toEqual(new Date("2026-12-14T14:24:00.001Z"));
    // The state did not change: nobody is warned and no state change is audited.
    expect(await notificationsFor(created.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "sla.state_changed" } })).toBe(0);
  });

  it("reads every running clock once after a calendar change, across batches, whatever their stored moments", async () => {
    const { created } = await assignedQuestion();
    await unassignedCopies(created.id, 1099);
    // Every moment stored far too late: only the recheck can find these clocks.
    await db.slaCheck.updateMany({ data: { at: new Date("2027-06-01T00:00:00Z") } });
    const atRisk = new Date("2026-12-14T08:30:00Z");
    expect(await sweepSlaStates(db, atRisk)).toMatchObject({ changed: 0 });
    const admin = await sessionFor("admin@loket.example");
    await db.$transaction((tx) => addClosureDay(tx, { date: "2027-01-04", reasonNl: "Sluiting", reasonEn: "Closure" }, admin.id, atRisk));
    expect(await sweepSlaStates(db, atRisk)).toMatchObject({ changed: 1100, failed: 0 });
    expect(await db.ticket.count({ where: { slaState: "AT_RISK" } })).toBe(1100);
    // Each moment is what the rule says now: just past the due time.
    expect(await db.slaCheck.count({ where: { at: new Date("2026-12-14T16:00:00.001Z") } })).toBe(1100);
  }, 120_000);

  it("schedules a new question's clock in the same write, and none for a question resolved at first contact", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const resolved = await db.$transaction((tx) =>
      createTicket(tx, { subject: "Adres", categoryKey: "DOSSIER_QUESTION", channel: "PHONE", body: "Meteen opgelost", requesterId: anna.id, firstContactResolution: true }, received),
    );
    expect(await checkAt(resolved.id)).toBeNull();
    const { created } = await assignedQuestion();
    expect(await checkAt(created.id)).toBeInstanceOf(Date);
  });

  it("moves an unchanged clock's moment to when it will change, and clears it for a clock that waits on the customer", async () => {
    const { created, handler } = await assignedQuestion();
    const before = await checkAt(created.id);
    // Set when the question came in: the moment its last fifth begins, as the clock rule says.
    const [settings, policies] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]);
    const clock = computeClock({ policy: policyByKey("WRITTEN_QUESTION", policies), startedAt: received, pauses: [], now: received, settings });
    expect(clock.state).toBe("ON_TRACK");
    expect(before).toEqual(clock.nextChangeAt);
    expect(computeClock({ policy: policyByKey("WRITTEN_QUESTION", policies), startedAt: received, pauses: [], now: before!, settings }).state).toBe("AT_RISK");
    await setCheckAt(created.id, new Date(0));
    await sweepSlaStates(db, hours(1));
    expect(await checkAt(created.id)).toEqual(before);
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "PENDING_CUSTOMER" }, hours(2)));
    expect(await checkAt(created.id)).toBeNull();
  });
});

describe("auto-close", () => {
  it("closes a resolved ticket seven days after it was resolved, once", async () => {
    const { created, handler } = await assignedQuestion();
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "RESOLVED" }, hours(3)));
    expect(await sweepAutoClose(db, days(6))).toBe(0);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("RESOLVED");
    const [first, second] = await Promise.all([sweepAutoClose(db, days(7.2)), sweepAutoClose(db, days(7.2))]);
    expect(first + second).toBe(1);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: created.id }, include: { events: true } });
    expect(ticket.status).toBe("CLOSED");
    expect(ticket.events.filter((e) => e.kind === "status" && (e.data as { to?: string }).to === "CLOSED")).toHaveLength(1);
  });
});

describe("survey invitations and callback reminders", () => {
  it("invites the requester of a resolved ticket to the survey once", async () => {
    const { created, handler } = await assignedQuestion();
    await db.$transaction((tx) => changeTicket(tx, { ticketId: created.id, actorId: handler.id, status: "RESOLVED" }, hours(3)));
    await Promise.all([sweepSurveyInvitations(db, hours(4)), sweepSurveyInvitations(db, hours(4))]);
    await sweepSurveyInvitations(db, hours(5));
    const mails = await db.outboxMessage.findMany({ where: { ticketId: created.id, kind: "survey.invitation" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "anna.jansen@burger.example" });
    expect(mails[0]!.bodyText).toContain(created.number);
  });

  it("reminds the person in the hour before the slot, once, and not after it started", async () => {
    const { created, anna, handler } = await assignedQuestion();
    const team = await db.team.findUniqueOrThrow({ where: { key: "uitkeringen" } });
    const slotStart = new Date("2026-12-08T09:00:00Z"); // Tuesday 8 December, 10:00 Amsterdam
    await db.callbackAppointment.create({
      data: { ticketId: created.id, personId: anna.id, teamId: team.id, date: "2026-12-08", slot: "MORNING", slotStart, phone: "0612345678", bookedById: handler.id, bookedAt: received },
    });
    expect(await sweepCallbackReminders(db, new Date("2026-12-08T07:30:00Z"))).toBe(0);
    expect(await sweepCallbackReminders(db, new Date("2026-12-08T08:15:00Z"))).toBe(1);
    expect(await sweepCallbackReminders(db, new Date("2026-12-08T08:30:00Z"))).toBe(0);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "callback.reminder", ticketId: created.id } });
    expect(mail.bodyText).toContain("10:00-11:00");
  });
});
