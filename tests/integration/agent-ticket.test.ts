import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendPortalMessage } from "@/lib/portal/commands";
import { downloadResponse } from "@/lib/uploads/download";
import { getStaffTicket, getTimeline } from "@/lib/workspace/queries";
import { addNote, changeTicketFields, replyToTicket } from "@/lib/workspace/commands";
import { seedDemo, sessionFor } from "../support/fixtures";
import { withScratchUploadDir } from "../support/upload-dir";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

const ticketOf = (where: Parameters<typeof db.ticket.findFirstOrThrow>[0]) => db.ticket.findFirstOrThrow(where);

describe("replying to a ticket", () => {
  it("answers a mail question by mail through the outbox, with the number in the subject, and shows it on the timeline", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "NEW", channel: "EMAIL", category: { key: "GENERAL_QUESTION" } } });
    const result = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Uw adres is aangepast." }, now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.data.channel).toBe("EMAIL");
    const outbox = await db.outboxMessage.findUniqueOrThrow({ where: { id: result.data.outboxId! } });
    expect(outbox.subject).toContain(ticket.number);
    expect(outbox.toAddress).toBe("anna.jansen@burger.example");
    const timeline = await getTimeline((await getStaffTicket(handler, ticket.id))!);
    expect(timeline.some((e) => e.kind === "message" && e.direction === "OUTBOUND" && e.body === "Uw adres is aangepast.")).toBe(true);
    expect(timeline.some((e) => e.kind === "event" && e.event === "status" && e.to === "OPEN")).toBe(true);
  });

  it("answers a portal question in the portal, without mail", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "OPEN", channel: "PORTAL", category: { key: "MALFUNCTION" } } });
    const result = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Probeer het nog eens." }, now);
    expect(result.ok && result.data).toMatchObject({ channel: "PORTAL", outboxId: null });
  });

  it("writes a letter reply as a LETTER message for printing", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "OPEN", channel: "LETTER", category: { key: "DOSSIER_QUESTION" } } });
    const result = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Wij hebben uw bezwaar ontvangen." }, now);
    expect(result.ok && result.data.channel).toBe("LETTER");
    expect(await db.outboxMessage.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("refuses a reply to a closed ticket and writes nothing", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "CLOSED", channel: "EMAIL" } });
    const before = await db.message.count({ where: { ticketId: ticket.id } });
    expect(await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Nog een antwoord" }, now)).toEqual({ ok: false, reason: "TICKET_CLOSED" });
    expect(await db.message.count({ where: { ticketId: ticket.id } })).toBe(before);
    expect(await db.outboxMessage.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await changeTicketFields.execute(handler, { ticketId: ticket.id, status: "OPEN" }, now)).toEqual({ ok: false, reason: "TICKET_CLOSED" });
  });

  it("refuses an empty reply with a field error", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "OPEN", channel: "PORTAL" } });
    const result = await replyToTicket.execute(handler, { ticketId: ticket.id, body: " " }, now);
    expect(result.ok === false && result.fieldErrors?.body).toEqual(["TOO_SHORT:2"]);
  });
});

describe("first-line agents and dossier tickets", () => {
  it("cannot open, answer, annotate or change a dossier ticket, which looks like a missing one", async () => {
    const agent = await sessionFor("agent@loket.example");
    const dossier = await ticketOf({ where: { status: "OPEN", category: { dossierSensitive: true } } });
    expect(await getStaffTicket(agent, dossier.id)).toBeNull();
    expect(await replyToTicket.execute(agent, { ticketId: dossier.id, body: "Antwoord" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await addNote.execute(agent, { ticketId: dossier.id, body: "Notitie" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await changeTicketFields.execute(agent, { ticketId: dossier.id, status: "RESOLVED" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: dossier.id } })).status).toBe("OPEN");
  });

  it("can work a general ticket, but not move it into a dossier category", async () => {
    const agent = await sessionFor("agent@loket.example");
    const general = await ticketOf({ where: { status: "OPEN", category: { key: "GENERAL_QUESTION" } } });
    expect(await getStaffTicket(agent, general.id)).not.toBeNull();
    expect((await addNote.execute(agent, { ticketId: general.id, body: "Klant teruggebeld" }, now)).ok).toBe(true);
    expect(await changeTicketFields.execute(agent, { ticketId: general.id, categoryKey: "DOSSIER_QUESTION" }, now)).toEqual({ ok: false, reason: "DOSSIER_CATEGORY_FORBIDDEN" });
  });

  it("keeps customers and employers out of the workspace actions", async () => {
    const ticket = await ticketOf({ where: { status: "OPEN", channel: "PORTAL" } });
    for (const email of ["anna.jansen@burger.example", "eva.bakker@vandijk.example"]) {
      expect(await replyToTicket.execute(await sessionFor(email), { ticketId: ticket.id, body: "Hallo" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
  });
});

describe("telling the customer an answer waits in the portal", () => {
  it("mails the account holder that an answer is there, never the answer itself", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "OPEN", channel: "PORTAL", requester: { email: "anna.jansen@burger.example" } } });
    const result = await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Uw aanvulling wordt op 23 december uitbetaald.", channel: "PORTAL" }, now);
    expect(result).toMatchObject({ ok: true, data: { channel: "PORTAL", outboxId: null } });
    const notices = await db.outboxMessage.findMany({ where: { ticketId: ticket.id, kind: "ticket.portal_answer" } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ toAddress: "anna.jansen@burger.example" });
    expect(notices[0]!.bodyText).toContain(ticket.number);
    expect(notices[0]!.bodyText).not.toContain("23 december");
  });

  it("sends no notice for a mailed answer (the mail is the answer) or to a deactivated account", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const mailed = await ticketOf({ where: { status: "NEW", channel: "EMAIL", category: { key: "GENERAL_QUESTION" } } });
    await replyToTicket.execute(handler, { ticketId: mailed.id, body: "Uw adres is aangepast." }, now);
    expect(await db.outboxMessage.count({ where: { ticketId: mailed.id, kind: "ticket.portal_answer" } })).toBe(0);
    const portal = await ticketOf({ where: { status: "OPEN", channel: "PORTAL", requester: { email: "bram.devries@burger.example" } } });
    await db.user.update({ where: { email: "bram.devries@burger.example" }, data: { active: false } });
    expect(await replyToTicket.execute(handler, { ticketId: portal.id, body: "Wij hebben uw bericht ontvangen.", channel: "PORTAL" }, now)).toMatchObject({ ok: true });
    expect(await db.outboxMessage.count({ where: { ticketId: portal.id, kind: "ticket.portal_answer" } })).toBe(0);
  });
});

describe("changing a ticket", () => {
  it("changes status, team and assignee with timeline events and one audit event", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "NEW", channel: "PORTAL", category: { key: "MALFUNCTION" } } });
    const werkgevers = await db.team.findUniqueOrThrow({ where: { key: "werkgevers" } });
    const result = await changeTicketFields.execute(coordinator, { ticketId: ticket.id, status: "PENDING_CUSTOMER", teamId: werkgevers.id, assigneeId: handler.id }, now);
    expect(result.ok).toBe(true);
    const row = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ status: "PENDING_CUSTOMER", teamId: werkgevers.id, assigneeId: handler.id });
    expect(row.slaPausedAt).not.toBeNull();
    const kinds = (await getTimeline((await getStaffTicket(coordinator, ticket.id))!)).filter((e) => e.kind === "event").map((e) => (e.kind === "event" ? e.event : ""));
    expect(kinds).toEqual(expect.arrayContaining(["status", "team", "assignee"]));
  });

  it("applies a stale form's own change without undoing another's, and refuses one whose field was changed meanwhile", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "OPEN", channel: "PORTAL", priority: "NORMAL", category: { key: "MALFUNCTION" } } });
    // Tab A resolves it; tab B still shows it open and normal.
    expect(await changeTicketFields.execute(handler, { ticketId: ticket.id, status: "RESOLVED", expected: { status: "OPEN" } }, now)).toMatchObject({ ok: true });
    // B raises the priority: A's resolution stands.
    expect(await changeTicketFields.execute(coordinator, { ticketId: ticket.id, priority: "HIGH", expected: { priority: "NORMAL" } }, now)).toMatchObject({ ok: true });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "RESOLVED", priority: "HIGH" });
    // B then sets the status it still shows as open: refused, nothing changed.
    const events = await db.ticketEvent.count({ where: { ticketId: ticket.id } });
    expect(await changeTicketFields.execute(coordinator, { ticketId: ticket.id, status: "PENDING_CUSTOMER", assigneeId: handler.id, expected: { status: "OPEN", assigneeId: ticket.assigneeId } }, now)).toEqual({ ok: false, reason: "CHANGED_MEANWHILE" });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "RESOLVED", priority: "HIGH", assigneeId: ticket.assigneeId });
    expect(await db.ticketEvent.count({ where: { ticketId: ticket.id } })).toBe(events);
  });

  it("refuses a customer as assignee and an unknown team", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const anna = await sessionFor("anna.jansen@burger.example");
    const ticket = await ticketOf({ where: { status: "NEW", channel: "PORTAL" } });
    expect(await changeTicketFields.execute(coordinator, { ticketId: ticket.id, assigneeId: anna.id }, now)).toEqual({ ok: false, reason: "ASSIGNEE_NOT_STAFF" });
    expect(await changeTicketFields.execute(coordinator, { ticketId: ticket.id, teamId: "nope" }, now)).toEqual({ ok: false, reason: "UNKNOWN_TEAM" });
  });

  it("refuses to take a ticket out of every team, which would hide it from the team's case handlers and coordinator", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await ticketOf({ where: { status: "NEW", channel: "PORTAL", assigneeId: null, team: { key: "uitkeringen" } } });
    const events = await db.ticketEvent.count({ where: { ticketId: ticket.id } });
    expect(await changeTicketFields.execute(handler, { ticketId: ticket.id, teamId: null, status: "OPEN" } as never, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ teamId: ticket.teamId, status: "NEW" });
    expect(await db.ticketEvent.count({ where: { ticketId: ticket.id } })).toBe(events);
    expect(await getStaffTicket(handler, ticket.id)).not.toBeNull();
  });

  it("hides another team's ticket from a case handler", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const other = await db.team.create({ data: { key: "pensioen", name: "Team Pensioen" } });
    const ticket = await ticketOf({ where: { status: "NEW", assigneeId: null } });
    await db.ticket.update({ where: { id: ticket.id }, data: { teamId: other.id } });
    expect(await getStaffTicket(handler, ticket.id)).toBeNull();
    expect(await replyToTicket.execute(handler, { ticketId: ticket.id, body: "Antwoord" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    const manager = await sessionFor("manager@loket.example");
    expect(await getStaffTicket(manager, ticket.id)).not.toBeNull();
  });
});

describe("attachments on the timeline", () => {
  withScratchUploadDir("agent-attachments");

  it("shows a customer's attachment to the case handler, who downloads it; a first-line agent gets neither ticket nor file", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const bytes = new TextEncoder().encode("%PDF-1.7\n% jaaropgave\n%%EOF");
    const sent = await sendPortalMessage.execute(
      anna,
      { subject: "Jaaropgave klopt niet", categoryKey: "DOSSIER_QUESTION", body: "Zie de bijlage.", files: [{ name: "jaaropgave.pdf", type: "application/pdf", bytes }] },
      now,
    );
    if (!sent.ok) throw new Error(sent.reason);
    const handler = await sessionFor("behandelaar@loket.example");
    const message = (await getTimeline((await getStaffTicket(handler, sent.data.id))!)).find((e) => e.kind === "message" && e.direction === "INBOUND");
    expect(message?.kind === "message" && message.attachments.map((a) => a.fileName)).toEqual(["jaaropgave.pdf"]);
    const attachmentId = message?.kind === "message" ? message.attachments[0]!.id : "";

    const download = await downloadResponse(handler, attachmentId);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    const agent = await sessionFor("agent@loket.example");
    expect(await getStaffTicket(agent, sent.data.id)).toBeNull();
    expect((await downloadResponse(agent, attachmentId)).status).toBe(404);
  });
});
