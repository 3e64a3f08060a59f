import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listRunningUrgentRequests } from "@/lib/employer/queries";
import { submitUrgentRequest } from "@/lib/urgent/commands";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(now);
});

const request = { subject: "Loonbeslag verwerken", reason: "De salarisrun sluit morgen om 9 uur", forWhom: "Medewerker met personeelsnummer 1187" };

async function preAnnounce(organisationId: string) {
  const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
  return db.preAnnouncement.create({
    data: { organisationId, callerName: "Eva Bakker", subject: "Loonbeslag", reason: "Salarisrun", forWhom: "Medewerker 1187", loggedById: agent.id, createdAt: new Date(now.getTime() - 600_000) },
  });
}

describe("urgent requests", () => {
  it("files an URGENT ticket with a 24-hour clock, not pre-announced when no call was logged", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const result = await submitUrgentRequest.execute(eva, request, now);
    expect(result).toMatchObject({ ok: true, data: { preAnnounced: false } });
    if (!result.ok) return;
    expect(result.data.dueAt).toBe(new Date(now.getTime() + 24 * 3_600_000).toISOString());
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.data.number }, include: { urgentRequest: true, category: true } });
    expect(ticket).toMatchObject({ priority: "URGENT", organisationId: eva.organisationId, slaPolicyKey: "URGENT_REQUEST" });
    expect(ticket.category.key).toBe("URGENT_REQUEST");
    // Not phoned in first: an agent calls to confirm it, as the form told the employer.
    expect(ticket.urgentRequest).toMatchObject({ reason: request.reason, forWhom: request.forWhom, preAnnouncementId: null, notPreAnnounced: true, verification: "PENDING" });
    // Her own message, labelled in her language only.
    const first = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id, authorId: eva.id } });
    expect(first.body).toBe(`Reden spoed: ${request.reason}\nVoor wie: ${request.forWhom}`);
    const running = await listRunningUrgentRequests(eva);
    expect(running.some((r) => r.ticket.number === result.data.number)).toBe(true);
  });

  it("links the organisation's open pre-announcement and marks it linked", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const announced = await preAnnounce(eva.organisationId!);
    const result = await submitUrgentRequest.execute(eva, request, now);
    expect(result).toMatchObject({ ok: true, data: { preAnnounced: true } });
    const row = await db.urgentRequest.findFirstOrThrow({ where: { preAnnouncementId: announced.id } });
    expect(row).toMatchObject({ organisationId: eva.organisationId, notPreAnnounced: false, verification: null });
    expect((await db.preAnnouncement.findUniqueOrThrow({ where: { id: announced.id } })).status).toBe("LINKED");
  });

  it("never links another organisation's pre-announcement", async () => {
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const announced = await preAnnounce(lisa.organisationId!);
    const result = await submitUrgentRequest.execute(eva, request, now);
    expect(result).toMatchObject({ ok: true, data: { preAnnounced: false } });
    expect((await db.preAnnouncement.findUniqueOrThrow({ where: { id: announced.id } })).status).toBe("OPEN");
    expect((await listRunningUrgentRequests(lisa)).some((r) => r.ticket.number === (result.ok ? result.data.number : ""))).toBe(false);
  });

  it("refuses a request without a reason or without for whom, and stores nothing", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const before = await db.ticket.count();
    const result = await submitUrgentRequest.execute(eva, { ...request, reason: "  ", forWhom: "" }, now);
    expect(result).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(!result.ok && result.fieldErrors).toMatchObject({ reason: ["TOO_SHORT:5"], forWhom: ["TOO_SHORT:2"] });
    expect(await db.ticket.count()).toBe(before);
    expect(await db.urgentRequest.count({ where: { reason: request.reason } })).toBe(0);
  });

  it("refuses staff and contacts without SUBMIT_REQUESTS", async () => {
    const agent = await sessionFor("agent@loket.example");
    expect(await submitUrgentRequest.execute(agent, request, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
    const eva = await sessionFor("eva.bakker@vandijk.example");
    expect(await submitUrgentRequest.execute({ ...eva, rights: ["MANAGE_USERS"] }, request, now)).toMatchObject({ ok: false, reason: "FORBIDDEN" });
  });
});
