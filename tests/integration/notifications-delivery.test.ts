// How notifications reach people (preferences), the SLA sweep's single transaction, and that one
// person's notifications are theirs alone.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { unreadResponse } from "@/lib/notifications/http";
import { markAllNotificationsRead, openNotificationAction, saveNotificationPreferences } from "@/lib/notifications/commands";
import { auditMany } from "@/lib/audit/mutations";
import { sqlTransaction } from "@/lib/db/sql";
import { notify } from "@/lib/notifications/mutations";
import { listNotifications, preferencesOf, unreadCount } from "@/lib/notifications/queries";
import { sweepSlaStates } from "@/lib/sweeps/sweeps";
import { changeTicket, createTicket } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

function tell(recipients: string[], entityId: string, kind: "sla.breached" | "sla.at_risk" = "sla.breached") {
  return db.$transaction((tx) =>
    notify(tx, { recipients, kind, entityType: "Ticket", entityId, data: { number: "LK-2026-000777", state: "BREACHED" }, dedupeKey: `test:${entityId}:${kind}`, now }),
  );
}

describe("rows written many to a statement", () => {
  // Quotes, backslashes, braces, commas, NULL as a word, line breaks and non-ASCII: what a parameter
  // of many rows must carry intact. Written through Prisma's transaction and through a raw one.
  const awkward = 'Vraag "over" C:\\map\\bestand, {haakjes}, NULL, één\nregel – 🙂';

  it("keep every character of a notification's data and an audit event's, in either kind of transaction", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const write = (tx: Parameters<typeof notify>[0], entityId: string) =>
      Promise.all([
        notify(tx, { recipients: [handler.id], kind: "sla.breached", entityType: "Ticket", entityId, data: { number: "LK-2026-000778", subject: awkward, state: "BREACHED" }, dedupeKey: `array:${entityId}`, now }),
        auditMany(tx, [{ actorId: null, action: "test.awkward", entityType: "Ticket", entityId, data: { subject: awkward, list: ["a,b", null] } }]),
      ]);
    await db.$transaction((tx) => write(tx, "array-prisma"));
    await sqlTransaction(db, (tx) => write(tx, "array-raw"));
    for (const entityId of ["array-prisma", "array-raw"]) {
      const notification = await db.notification.findFirstOrThrow({ where: { entityId } });
      expect(notification).toMatchObject({ userId: handler.id, kind: "sla.breached", createdAt: now, readAt: null, data: { number: "LK-2026-000778", subject: awkward, state: "BREACHED" } });
      const event = await db.auditEvent.findFirstOrThrow({ where: { entityId } });
      expect(event).toMatchObject({ actorId: null, action: "test.awkward", ticketId: entityId, organisationId: null, data: { subject: awkward, list: ["a,b", null] } });
    }
  });
});

describe("preferences", () => {
  it("steer each person's notification between the app and the mail", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const coordinator = await sessionFor("coordinator@loket.example");
    const manager = await sessionFor("manager@loket.example");
    expect(await saveNotificationPreferences.execute(handler, { choices: [{ kind: "sla.breached", choice: "APP" }] }, now)).toEqual({ ok: true, data: undefined });
    expect(await saveNotificationPreferences.execute(manager, { choices: [{ kind: "sla.breached", choice: "MAIL" }] }, now)).toEqual({ ok: true, data: undefined });
    // The coordinator chose nothing: a breach comes in the app and by mail.

    expect(await tell([handler.id, coordinator.id, manager.id], "pref-1")).toBe(3);

    const rows = await db.notification.findMany({ where: { entityId: "pref-1" }, include: { user: { select: { email: true } } } });
    const of = (email: string) => rows.find((r) => r.user.email === email)!;
    expect(of("behandelaar@loket.example")).toMatchObject({ readAt: null, mailedAt: null });
    expect(of("coordinator@loket.example")).toMatchObject({ readAt: null, mailedAt: now });
    // Mail only: kept (for the record and against a second mail), but not unread in the bell.
    expect(of("manager@loket.example")).toMatchObject({ readAt: now, mailedAt: now });
    const mailed = await db.outboxMessage.findMany({ where: { kind: "notification.sla.breached" }, select: { toAddress: true } });
    expect(mailed.map((m) => m.toAddress).sort()).toEqual(["coordinator@loket.example", "manager@loket.example"]);
    expect(await unreadCount(manager.id)).toBe(0);
    expect(await unreadCount(handler.id)).toBe(1);

    // Told again about the same event: nobody gets a second notification or mail.
    expect(await tell([handler.id, coordinator.id, manager.id], "pref-1")).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(2);

    expect((await preferencesOf(handler.id)).find((p) => p.kind === "sla.breached")?.choice).toBe("APP");
    expect((await preferencesOf(coordinator.id)).find((p) => p.kind === "sla.breached")?.choice).toBe("BOTH");
    expect(await db.auditEvent.count({ where: { action: "notification.preferences", actorId: handler.id } })).toBe(1);
    // Choosing the default again keeps no row of its own.
    expect(await saveNotificationPreferences.execute(handler, { choices: [{ kind: "sla.breached", choice: "BOTH" }, { kind: "sla.at_risk", choice: "MAIL" }] }, now)).toEqual({ ok: true, data: undefined });
    expect(await db.notificationPreference.findMany({ where: { userId: handler.id }, select: { kind: true, inApp: true, mail: true } })).toEqual([{ kind: "sla.at_risk", inApp: false, mail: true }]);
  });

  it("refuses a choice that is not one of the three, or an unknown kind, and saves nothing", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    for (const choices of [[{ kind: "sla.breached", choice: "NONE" }], [{ kind: "survey.whatever", choice: "APP" }], [{ kind: "sla.breached", choice: "APP" }, { kind: "sla.breached", choice: "MAIL" }], []]) {
      const result = await saveNotificationPreferences.execute(handler, { choices }, now);
      expect(result.ok ? "OK" : result.reason).toBe("INVALID_INPUT");
    }
    expect(await db.notificationPreference.count({ where: { userId: handler.id } })).toBe(0);
  });

  it("skips an inactive account, and fails the whole transaction for an id that is no account", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } });
    await db.user.update({ where: { id: coordinator.id }, data: { active: false } });
    expect(await tell([handler.id, coordinator.id], "inactive-1")).toBe(1);
    expect((await db.notification.findMany({ where: { entityId: "inactive-1" } })).map((n) => n.userId)).toEqual([handler.id]);

    // The handler (first) would be told and mailed; the unknown id after him undoes both.
    const mailsBefore = await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } });
    await expect(tell([handler.id, "no-such-user"], "bogus-1")).rejects.toThrow();
    expect(await db.notification.count({ where: { entityId: "bogus-1" } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(mailsBefore);
  });
});

describe("the SLA sweep's transaction", () => {
  it("writes the state, its audit event, notifications and mails together or not at all", async () => {
    await db.ticket.updateMany({ data: { slaState: "BREACHED", status: "CLOSED" } });
    const received = new Date("2026-12-07T08:00:00Z");
    const anna = await sessionFor("anna.jansen@burger.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } });
    const ticket = await db.$transaction((tx) => createTicket(tx, { subject: "Betaling", categoryKey: "DOSSIER_QUESTION", channel: "PORTAL", body: "Wanneer?", requesterId: anna.id }, received));
    await db.$transaction((tx) => changeTicket(tx, { ticketId: ticket.id, actorId: handler.id, assigneeId: handler.id, status: "OPEN" }, received));
    const breachedAt = new Date("2026-12-14T16:01:00Z");

    // A failure after the state update and the assignee's notification and mail: the insert for
    // the coordinator (the second recipient) is refused by the database.
    await db.$executeRawUnsafe(`CREATE FUNCTION notify_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."userId" = '${coordinator.id}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER notify_fail BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION notify_fail()`);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await sweepSlaStates(db, breachedAt)).toEqual({ changed: 0, dueMoved: 0, notified: 0, failed: 1, mailed: 0 });
    } finally {
      errors.mockRestore();
      await db.$executeRawUnsafe(`DROP TRIGGER notify_fail ON "Notification"`);
      await db.$executeRawUnsafe(`DROP FUNCTION notify_fail()`);
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaState).toBe("ON_TRACK");
    expect(await db.notification.count({ where: { entityId: ticket.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "sla.state_changed", entityId: ticket.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(0);

    // The next round does it all, once: the mails wanted are held in the notifications (committed
    // with the state) and written at the end of the run.
    expect(await sweepSlaStates(db, breachedAt)).toEqual({ changed: 1, dueMoved: 0, notified: 2, failed: 0, mailed: 2 });
    expect(await sweepSlaStates(db, new Date(breachedAt.getTime() + 60_000))).toEqual({ changed: 0, dueMoved: 0, notified: 0, failed: 0, mailed: 0 });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaState).toBe("BREACHED");
    expect(await db.notification.count({ where: { entityId: ticket.id, kind: "sla.breached" } })).toBe(2);
    expect((await db.auditEvent.findMany({ where: { action: "sla.state_changed", entityId: ticket.id } })).map((a) => a.data)).toEqual([{ from: "ON_TRACK", to: "BREACHED" }]);
    expect(await db.outboxMessage.count({ where: { kind: "notification.sla.breached" } })).toBe(2);
  });
});

describe("one's own notifications", () => {
  it("opens one's own (read, and where it leads) but not someone else's", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const coordinator = await sessionFor("coordinator@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
    await db.$transaction((tx) => notify(tx, { recipients: [handler.id, coordinator.id], kind: "sla.at_risk", entityType: "Ticket", entityId: ticket.id, data: { number: ticket.number }, dedupeKey: "own-1", now }));
    const mine = await db.notification.findFirstOrThrow({ where: { userId: handler.id, dedupeKey: { startsWith: "own-1:" } } });
    const theirs = await db.notification.findFirstOrThrow({ where: { userId: coordinator.id, dedupeKey: { startsWith: "own-1:" } } });

    expect(await openNotificationAction.execute(handler, { notificationId: theirs.id }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await openNotificationAction.execute(handler, { notificationId: "no-such-notification" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });

    expect(await openNotificationAction.execute(handler, { notificationId: mine.id }, now)).toEqual({ ok: true, data: { href: `/agent/tickets/${ticket.id}` } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt?.toISOString()).toBe(now.toISOString());
    // Marking everything read touches only one's own.
    await db.$transaction((tx) => notify(tx, { recipients: [handler.id], kind: "sla.breached", entityType: "Ticket", entityId: ticket.id, data: {}, dedupeKey: "own-2", now }));
    expect(await markAllNotificationsRead.execute(handler, {}, now)).toEqual({ ok: true, data: undefined });
    expect(await unreadCount(handler.id)).toBe(0);
    expect(await unreadCount(coordinator.id)).toBe(1);
  });

  it("lists newest first, twenty a page, with where each one leads", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    for (let i = 0; i < 23; i += 1) {
      await db.$transaction((tx) =>
        notify(tx, { recipients: [handler.id], kind: "complaint.stage_due", entityType: "Complaint", entityId: `c-${i}`, data: { number: `LK-2026-9000${String(i).padStart(2, "0")}` }, dedupeKey: `page-${i}`, now: new Date(now.getTime() + i * 60_000) }),
      );
    }
    const first = await listNotifications(handler.id, 1);
    expect(first.total).toBe(23);
    expect(first.unread).toBe(23);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]).toMatchObject({ data: { number: "LK-2026-900022" }, href: "/agent/klachten/c-22", read: false });
    expect((await listNotifications(handler.id, 2)).items.map((i) => i.data.number)).toEqual(["LK-2026-900002", "LK-2026-900001", "LK-2026-900000"]);
  });

  it("gives the bell's count route only the caller's own unread number, and nothing without a session", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const coordinator = await sessionFor("coordinator@loket.example");
    await tell([handler.id], "count-1");
    await tell([handler.id, coordinator.id], "count-2");

    expect((await unreadResponse(null)).status).toBe(403);
    expect(await (await unreadResponse(handler)).json()).toEqual({ unread: 2 });
    expect(await (await unreadResponse(coordinator)).json()).toEqual({ unread: 1 });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
