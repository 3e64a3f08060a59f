// Every producer of notifications tells the right people, and only once.
import { beforeEach, describe, expect, it } from "vitest";
import { fileComplaint } from "@/lib/complaints/mutations";
import { db } from "@/lib/db/client";
import { employerTicketScope } from "@/lib/employer/scope";
import { moveEscalationUpAction } from "@/lib/escalations/desk-commands";
import { raiseEscalation } from "@/lib/escalations/mutations";
import { processInbound, storeInbound } from "@/lib/mail/ingest";
import { sweepComplaintStageDue } from "@/lib/notifications/sweeps";
import { logPhonePreAnnouncement } from "@/lib/phone/commands";
import { sweepSlaStates } from "@/lib/sweeps/sweeps";
import { changeTicket, createTicket } from "@/lib/tickets/mutations";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeEach(async () => {
  await seedDemo(now);
});

/** Who got which notification about this item, as [kind, email] pairs in a fixed order. */
async function told(entityId: string) {
  const rows = await db.notification.findMany({ where: { entityId }, include: { user: { select: { email: true } } } });
  return rows.map((n) => [n.kind, n.user.email]).sort();
}

describe("SLA clocks", () => {
  it("tells the assignee and the team's coordinators at AT_RISK and at BREACHED, once each, and mails the breach", async () => {
    // The demo tickets have clocks of their own; this test watches only its own ticket.
    await db.ticket.updateMany({ data: { slaState: "BREACHED", status: "CLOSED" } });
    const received = new Date("2026-12-07T08:00:00Z"); // Monday: due Monday 14 December 17:00
    const anna = await sessionFor("anna.jansen@burger.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.$transaction((tx) => createTicket(tx, { subject: "Betaling", categoryKey: "DOSSIER_QUESTION", channel: "PORTAL", body: "Wanneer?", requesterId: anna.id }, received));
    await db.$transaction((tx) => changeTicket(tx, { ticketId: ticket.id, actorId: handler.id, assigneeId: handler.id, status: "OPEN" }, received));

    await sweepSlaStates(db, new Date("2026-12-14T08:30:00Z"));
    await sweepSlaStates(db, new Date("2026-12-14T08:31:00Z"));
    expect(await told(ticket.id)).toEqual([
      ["sla.at_risk", "behandelaar@loket.example"],
      ["sla.at_risk", "coordinator@loket.example"],
    ]);
    // At risk is in the app only by default.
    expect(await db.outboxMessage.count({ where: { kind: { startsWith: "notification." } } })).toBe(0);

    await sweepSlaStates(db, new Date("2026-12-14T16:01:00Z"));
    await sweepSlaStates(db, new Date("2026-12-14T16:02:00Z"));
    expect((await told(ticket.id)).filter(([kind]) => kind === "sla.breached")).toEqual([
      ["sla.breached", "behandelaar@loket.example"],
      ["sla.breached", "coordinator@loket.example"],
    ]);
    const breached = await db.notification.findFirstOrThrow({ where: { entityId: ticket.id, kind: "sla.breached", userId: handler.id } });
    expect(breached.data).toEqual({ number: ticket.number, subject: "Betaling", state: "BREACHED" });
    expect(breached.mailedAt?.toISOString()).toBe("2026-12-14T16:01:00.000Z");
    const mails = await db.outboxMessage.findMany({ where: { kind: "notification.sla.breached" }, orderBy: { toAddress: "asc" } });
    expect(mails.map((m) => m.toAddress)).toEqual(["behandelaar@loket.example", "coordinator@loket.example"]);
    // The reference and a link to the notification; never the question itself.
    expect(mails[0]!.subject).toBe(`Loket: Termijn overschreden: ${ticket.number}`);
    expect(mails[0]!.bodyText).toContain(`/agent/meldingen/${breached.id}`);
    expect(mails[0]!.bodyText).not.toContain("Wanneer?");
    // Each state change is audited once, with where it came from.
    const audits = await db.auditEvent.findMany({ where: { action: "sla.state_changed", entityId: ticket.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.data)).toEqual([
      { from: "ON_TRACK", to: "AT_RISK" },
      { from: "AT_RISK", to: "BREACHED" },
    ]);
  });
});

describe("warm handover", () => {
  it("tells the case handler the urgent request was handed to them, with the organisation and subject", async () => {
    const agent = await sessionFor("agent@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const org = await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } });
    const result = await logPhonePreAnnouncement.execute(agent, { organisationId: org.id, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Moet voor de salarisrun", forWhom: "Medewerker 2231", handedOverToId: handler.id }, now);
    if (!result.ok) throw new Error(result.reason);
    const rows = await db.notification.findMany({ where: { entityId: result.data.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: handler.id, kind: "preAnnouncement.handover", entityType: "PreAnnouncement", readAt: null, mailedAt: null, data: { organisation: org.name, subject: "Loonbeslag" } });
  });
});

describe("escalations", () => {
  it("tells the tier-1 owner it is theirs, and every manager when it moves up", async () => {
    await db.escalation.deleteMany();
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { organisationId: eva.organisationId, status: "OPEN" } });
    const raised = await db.$transaction((tx) => raiseEscalation(tx, { organisationId: eva.organisationId!, raisedById: eva.id, ticketNumber: ticket.number, ticketScope: employerTicketScope(eva), reason: "Al drie weken geen antwoord" }, now));
    const escalation = await db.escalation.findUniqueOrThrow({ where: { id: raised.id }, include: { owner: true } });
    expect(await told(raised.id)).toEqual([["escalation.assigned", escalation.owner!.email]]);
    expect((await db.notification.findFirstOrThrow({ where: { entityId: raised.id } })).data).toMatchObject({ number: ticket.number, tier: 1 });

    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await moveEscalationUpAction.execute(coordinator, { escalationId: raised.id, reason: "Vraagt een besluit van de manager" }, hours(1))).toEqual({ ok: true, data: undefined });
    const tier2 = await db.escalation.findFirstOrThrow({ where: { previousId: raised.id } });
    const managers = await db.user.findMany({ where: { role: "MANAGER", active: true }, select: { email: true } });
    expect(managers.length).toBeGreaterThan(0);
    expect(await told(tier2.id)).toEqual(managers.map((m) => ["escalation.moved_up", m.email]).sort());
  });
});

describe("complaint stages", () => {
  it("tells the owner a day before the stage is due and again once it is overdue, once per state", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED" }, orderBy: { createdAt: "asc" } });
    const filed = await db.$transaction((tx) => fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Ik werd drie keer doorverbonden." }, now));
    const complaint = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { owner: true } });
    const dueAt = complaint.dueAt!;
    const before = (ms: number) => new Date(dueAt.getTime() - ms);

    await sweepComplaintStageDue(db, before(2 * 86_400_000));
    expect(await told(filed.id)).toEqual([]);

    await sweepComplaintStageDue(db, before(20 * 3_600_000));
    await sweepComplaintStageDue(db, before(19 * 3_600_000));
    expect(await told(filed.id)).toEqual([["complaint.stage_due", complaint.owner!.email]]);

    await sweepComplaintStageDue(db, new Date(dueAt.getTime() + 60_000));
    await sweepComplaintStageDue(db, new Date(dueAt.getTime() + 120_000));
    const rows = await db.notification.findMany({ where: { entityId: filed.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => (r.data as { state: string }).state)).toEqual(["DUE_SOON", "OVERDUE"]);
    expect(rows.every((r) => r.userId === complaint.ownerId)).toBe(true);
    // A complaint's deadline is mailed by default, with the complaint's own number.
    expect(await db.outboxMessage.count({ where: { kind: "notification.complaint.stage_due", toAddress: complaint.owner!.email! } })).toBe(2);
  });

  it("tells only the ombudsman about a stage-2 complaint, even when a coordinator still owns it", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const subject = await db.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "RESOLVED" }, orderBy: { createdAt: "asc" } });
    const filed = await db.$transaction((tx) => fileComplaint(tx, { complainantId: anna.id, organisationId: null, subjectTicketNumber: subject.number, lastContactDate: "2026-11-24", description: "Ik werd drie keer doorverbonden." }, now));
    const coordinator = await db.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } });
    await db.complaint.update({ where: { id: filed.id }, data: { stage: "STAGE_2", ownerId: coordinator.id, dueAt: hours(2) } });
    await sweepComplaintStageDue(db, hours(1));
    const ombuds = await db.user.findMany({ where: { role: "OMBUDS", active: true }, select: { email: true } });
    expect(ombuds.length).toBeGreaterThan(0);
    expect(await told(filed.id)).toEqual(ombuds.map((o) => ["complaint.stage_due", o.email]).sort());
  });
});

describe("mail from an unverified sender", () => {
  it("tells those in the ticket's team who may confirm the sender, not the first line", async () => {
    const deps = { db, inboundDir: mkdtempSync(path.join(tmpdir(), "loket-notify-")) };
    const raw = Buffer.from(
      ["From: Onbekend <onbekend@elders.example>", "To: vragen@loket.example", "Subject: Mijn uitkering", "Message-ID: <notify-1@elders.example>", "Content-Type: text/plain; charset=utf-8", "", "Wanneer wordt er betaald?", ""].join("\r\n"),
    );
    const stored = await storeInbound(deps, raw, now);
    const outcome = await processInbound(deps, stored.id, now);
    if (outcome.kind !== "TICKET_CREATED") throw new Error(outcome.kind);
    expect(outcome.senderUnverified).toBe(true);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: outcome.ticketId } });
    const expected = await db.user.findMany({
      where: { active: true, role: { in: ["CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "ADMIN"] }, ...(ticket.teamId ? { teams: { some: { teamId: ticket.teamId } } } : {}) },
      select: { email: true },
    });
    expect(expected.length).toBeGreaterThan(0);
    const got = await told(ticket.id);
    expect(got).toEqual(expected.map((u) => ["mail.sender_unverified", u.email]).sort());
    expect(got.map(([, email]) => email)).not.toContain("agent@loket.example");
    // Processing the same mail again tells nobody twice.
    await processInbound(deps, stored.id, now);
    expect(await told(ticket.id)).toHaveLength(got.length);
  });
});
