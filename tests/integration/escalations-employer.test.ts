import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { fileQuestion } from "@/lib/employer/commands";
import { escalateEmployerTier2, raiseEmployerEscalation } from "@/lib/escalations/commands";
import { listOrganisationEscalations } from "@/lib/escalations/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

// Tuesday 24 November 2026, 11:00 in Amsterdam.
const now = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

beforeEach(async () => {
  await seedDemo(now);
  // The demo has an escalation of its own; these tests count only what they raise.
  await db.escalation.deleteMany();
});

async function vandijkTicket() {
  const tom = await sessionFor("tom.visser@vandijk.example");
  const filed = await fileQuestion.execute(tom, { categoryKey: "PROCEDURE", subject: "Ziekmelding verwerkt?", body: "Is de ziekmelding van vorige week verwerkt?" }, now);
  if (!filed.ok) throw new Error("filing failed");
  return { tom, number: filed.data.number };
}

const reason = "Wij wachten al te lang op antwoord en de salarisrun nadert.";

describe("escalating to tier 1", () => {
  it("goes to a team coordinator with a due time, the CSM in CC of the mail", async () => {
    const { tom, number } = await vandijkTicket();
    // Typed in lower case, as people do: the same registration number.
    const result = await raiseEmployerEscalation.execute(tom, { ticketNumber: `  ${number.toLowerCase()} `, reason }, now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.escalation.findUniqueOrThrow({ where: { id: result.data.id }, include: { owner: true, ticket: true } });
    expect(row.ticket?.number).toBe(number);
    expect(row).toMatchObject({ tier: 1, status: "OPEN", organisationId: tom.organisationId, raisedById: tom.id });
    expect(row.owner?.role).toBe("TEAM_COORDINATOR");
    expect(row.dueAt.getTime()).toBeGreaterThan(now.getTime());
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "escalation.tier1" } });
    expect(mail.toAddress).toBe(row.owner?.email);
    expect(mail.ccAddresses).toEqual(["csm@loket.example"]);
    // The confirmation says the customer success manager is in copy, because they are.
    expect(result.data.csmInCopy).toBe(true);
    const listed = await listOrganisationEscalations(tom);
    expect(listed.items[0]).toMatchObject({ tier: 1, owner: { name: row.owner?.name } });
  });

  it("tells an organisation without a customer success manager nobody is in copy, as nobody is", async () => {
    const mulder = await sessionFor("p.mulder@utrecht.example");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: mulder.organisationId! } })).customerSuccessManagerId).toBeNull();
    const result = await raiseEmployerEscalation.execute(mulder, { reason }, now);
    expect(result).toMatchObject({ ok: true, data: { csmInCopy: false } });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { kind: "escalation.tier1" } })).ccAddresses).toEqual([]);
  });

  it("accepts a general concern without a ticket", async () => {
    const eva = await sessionFor("eva.bakker@vandijk.example");
    const result = await raiseEmployerEscalation.execute(eva, { reason }, now);
    expect(result.ok).toBe(true);
  });

  it("refuses a closed ticket, a second escalation while one runs, and nothing is stored", async () => {
    const { tom, number } = await vandijkTicket();
    await db.ticket.update({ where: { number }, data: { status: "CLOSED" } });
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now)).toMatchObject({ ok: false, reason: "TICKET_CLOSED" });
    await db.ticket.update({ where: { number }, data: { status: "OPEN" } });
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now)).toMatchObject({ ok: true });
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now)).toMatchObject({ ok: false, reason: "ALREADY_ESCALATED" });
    expect(await db.escalation.count()).toBe(1);
    expect(await db.outboxMessage.count({ where: { kind: { startsWith: "escalation" } } })).toBe(1);
  });

  it("refuses a too short or too long reason with the limit it broke, and stores nothing", async () => {
    const { tom, number } = await vandijkTicket();
    const before = await db.escalation.count();
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason: "boos" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { reason: ["TOO_SHORT:10"] } });
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason: "x".repeat(3001) }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { reason: ["TOO_LONG:3000"] } });
    expect(await db.escalation.count()).toBe(before);
  });

  it("does not let organisation B escalate or see organisation A's ticket", async () => {
    const { tom, number } = await vandijkTicket();
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect(await raiseEmployerEscalation.execute(lisa, { ticketNumber: number, reason }, now)).toMatchObject({ ok: false, reason: "ESCALATION_NOT_FOUND" });
    const raised = await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now);
    if (!raised.ok) throw new Error("raise failed");
    expect((await listOrganisationEscalations(lisa)).items).toEqual([]);
    expect(await escalateEmployerTier2.execute(lisa, { escalationId: raised.data.id, reason, unsatisfied: true }, later(48))).toMatchObject({ ok: false, reason: "ESCALATION_NOT_FOUND" });
  });
});

describe("escalating to tier 2", () => {
  it("refuses while tier 1 is neither overdue nor declared unsatisfactory, and accepts the declaration", async () => {
    const { tom, number } = await vandijkTicket();
    const raised = await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now);
    if (!raised.ok) throw new Error("raise failed");
    expect(await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: false }, later(1))).toMatchObject({ ok: false, reason: "TIER_1_NOT_DUE" });
    expect(await db.escalation.count({ where: { tier: 2 } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "escalation.tier2" } })).toBe(0);
    expect(await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: true }, later(1))).toMatchObject({ ok: true });
  });

  it("moves an overdue tier 1 up to a manager, CSM in CC, and refuses a second tier 2", async () => {
    const { tom, number } = await vandijkTicket();
    const raised = await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now);
    if (!raised.ok) throw new Error("raise failed");
    const afterDue = new Date(new Date(raised.data.dueAt).getTime() + 60_000);
    const result = await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: false }, afterDue);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const tier2 = await db.escalation.findUniqueOrThrow({ where: { id: result.data.id }, include: { owner: true, previous: true } });
    expect(tier2).toMatchObject({ tier: 2, status: "OPEN", previousId: raised.data.id });
    expect(tier2.owner?.role).toBe("MANAGER");
    expect(tier2.previous?.status).toBe("MOVED_UP");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { kind: "escalation.tier2" } });
    expect(mail).toMatchObject({ toAddress: "manager@loket.example", ccAddresses: ["csm@loket.example"] });

    expect(await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: true }, afterDue)).toMatchObject({ ok: false, reason: "ALREADY_TIER_2" });
    expect(await escalateEmployerTier2.execute(tom, { escalationId: result.data.id, reason, unsatisfied: true }, afterDue)).toMatchObject({ ok: false, reason: "ALREADY_TIER_2" });
    expect(await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, afterDue)).toMatchObject({ ok: false, reason: "ALREADY_TIER_2" });
  });

  it("moves up when tier 1 was resolved but the employer is not satisfied", async () => {
    const { tom, number } = await vandijkTicket();
    const raised = await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now);
    if (!raised.ok) throw new Error("raise failed");
    await db.escalation.update({ where: { id: raised.data.id }, data: { status: "RESOLVED", outcome: "Uitgelegd", closedAt: later(2) } });
    expect(await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: false }, later(3))).toMatchObject({ ok: false, reason: "TIER_1_NOT_DUE" });
    expect(await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: true }, later(3))).toMatchObject({ ok: true });
  });

  it("refuses tier 2 when the ticket has been closed meanwhile", async () => {
    const { tom, number } = await vandijkTicket();
    const raised = await raiseEmployerEscalation.execute(tom, { ticketNumber: number, reason }, now);
    if (!raised.ok) throw new Error("raise failed");
    await db.ticket.update({ where: { number }, data: { status: "CLOSED" } });
    expect(await escalateEmployerTier2.execute(tom, { escalationId: raised.data.id, reason, unsatisfied: false }, later(72))).toMatchObject({ ok: false, reason: "TICKET_CLOSED" });
  });
});
