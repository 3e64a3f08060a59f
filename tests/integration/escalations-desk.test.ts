import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { answerEscalationAction, moveEscalationUpAction, resolveEscalationAction, takeEscalationAction } from "@/lib/escalations/desk-commands";
import { listEscalationBoard } from "@/lib/escalations/desk-queries";
import { listOrganisationEscalations } from "@/lib/escalations/queries";
import { employerTicketScope } from "@/lib/employer/scope";
import { raiseEscalation } from "@/lib/escalations/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeEach(async () => {
  await seedDemo(now);
  // The demo has an escalation of its own; these tests watch only the ones they raise.
  await db.escalation.deleteMany();
});

async function evasEscalation() {
  const eva = await sessionFor("eva.bakker@vandijk.example");
  const ticket = await db.ticket.findFirstOrThrow({ where: { organisationId: eva.organisationId, status: "OPEN" } });
  const raised = await db.$transaction((tx) => raiseEscalation(tx, { organisationId: eva.organisationId!, raisedById: eva.id, ticketNumber: ticket.number, ticketScope: employerTicketScope(eva), reason: "Al drie weken geen antwoord" }, now));
  return { eva, ticket, raised };
}

describe("escalation board", () => {
  it("lets a coordinator take, answer and move tier 1 up, with the CSM copied on every message", async () => {
    const { raised } = await evasEscalation();
    const coordinator = await sessionFor("coordinator@loket.example");
    expect((await listEscalationBoard(coordinator, 1)).map((e) => e.id)).toContain(raised.id);

    expect(await takeEscalationAction.execute(coordinator, { escalationId: raised.id }, later(1))).toEqual({ ok: true, data: undefined });
    expect(await answerEscalationAction.execute(coordinator, { escalationId: raised.id, body: "Wij zoeken dit vandaag nog uit." }, later(2))).toEqual({ ok: true, data: undefined });
    const answer = await db.outboxMessage.findFirstOrThrow({ where: { kind: "escalation.answer" } });
    expect(answer).toMatchObject({ toAddress: "eva.bakker@vandijk.example", ccAddresses: ["csm@loket.example"] });

    expect(await moveEscalationUpAction.execute(coordinator, { escalationId: raised.id, reason: "Vraagt een besluit van de manager" }, later(3))).toEqual({ ok: true, data: undefined });
    const tier1 = await db.escalation.findUniqueOrThrow({ where: { id: raised.id }, include: { next: { include: { owner: true } } } });
    expect(tier1.status).toBe("MOVED_UP");
    expect(tier1.next).toMatchObject({ tier: 2, status: "OPEN" });
    expect(tier1.next?.owner?.email).toBe("manager@loket.example");
    const toManager = await db.outboxMessage.findFirstOrThrow({ where: { kind: "escalation.tier2", toAddress: "manager@loket.example" }, orderBy: { createdAt: "desc" } });
    expect(toManager.ccAddresses).toEqual(["csm@loket.example"]);
  });

  it("keeps tier 2 for managers and refuses work on closed escalations", async () => {
    const { raised } = await evasEscalation();
    const coordinator = await sessionFor("coordinator@loket.example");
    const manager = await sessionFor("manager@loket.example");
    await moveEscalationUpAction.execute(coordinator, { escalationId: raised.id, reason: "Vraagt een besluit van de manager" }, later(1));
    const tier2 = await db.escalation.findFirstOrThrow({ where: { previousId: raised.id } });

    expect(await resolveEscalationAction.execute(coordinator, { escalationId: tier2.id, outcome: "Besloten door de coördinator" }, later(2))).toEqual({ ok: false, reason: "NOT_YOUR_TIER" });
    expect(await moveEscalationUpAction.execute(manager, { escalationId: tier2.id, reason: "Nog hoger dan de manager" }, later(2))).toEqual({ ok: false, reason: "ALREADY_TIER_2" });
    expect(await answerEscalationAction.execute(coordinator, { escalationId: raised.id, body: "Antwoord op een afgesloten escalatie" }, later(2))).toEqual({ ok: false, reason: "ESCALATION_CLOSED" });

    expect(await resolveEscalationAction.execute(manager, { escalationId: tier2.id, outcome: "Uitbetaling vandaag handmatig verwerkt." }, later(3))).toEqual({ ok: true, data: undefined });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: tier2.id } })).toMatchObject({ status: "RESOLVED", outcome: "Uitbetaling vandaag handmatig verwerkt." });
    expect(await resolveEscalationAction.execute(manager, { escalationId: tier2.id, outcome: "Nog een keer afsluiten" }, later(4))).toEqual({ ok: false, reason: "ESCALATION_CLOSED" });
  });

  it("shows a CSM only their own organisations, and nobody else outside the lead desk", async () => {
    const { raised } = await evasEscalation();
    const csm = await sessionFor("csm@loket.example");
    expect((await listEscalationBoard(csm, 1)).map((e) => e.id)).toEqual([raised.id]);
    await db.organisation.updateMany({ data: { customerSuccessManagerId: null } });
    expect(await listEscalationBoard(csm, 1)).toEqual([]);
    expect(await listEscalationBoard(await sessionFor("agent@loket.example"), 1)).toEqual([]);
    expect(await takeEscalationAction.execute(csm, { escalationId: raised.id }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("answers on the board (issue 19 item 5)", () => {
  it("keeps the manager's answer with the escalation: the board and the employer's page show who answered, when and what", async () => {
    const { eva, raised } = await evasEscalation();
    const coordinator = await sessionFor("coordinator@loket.example");
    const manager = await sessionFor("manager@loket.example");
    await moveEscalationUpAction.execute(coordinator, { escalationId: raised.id, reason: "Vraagt een besluit van de manager" }, later(1));
    const tier2 = await db.escalation.findFirstOrThrow({ where: { previousId: raised.id } });

    const body = "  Ik heb de uitbetaling laten versnellen; u hoort morgen van ons.  ";
    expect(await answerEscalationAction.execute(manager, { escalationId: tier2.id, body }, later(2))).toEqual({ ok: true, data: undefined });

    const onBoard = (await listEscalationBoard(manager, 2)).find((e) => e.id === tier2.id);
    expect(onBoard?.answers).toEqual([{ id: expect.any(String), body: body.trim(), createdAt: later(2), author: { name: manager.name } }]);
    // Only that escalation carries it: tier 1 (now moved up) has no answer.
    expect((await listEscalationBoard(coordinator, 1)).find((e) => e.id === raised.id)?.answers).toEqual([]);
    // The CSM (in CC) reads it on the board too.
    expect((await listEscalationBoard(await sessionFor("csm@loket.example"), 2)).find((e) => e.id === tier2.id)?.answers.map((a) => a.body)).toEqual([body.trim()]);

    const forEmployer = (await listOrganisationEscalations(eva)).items.find((e) => e.id === tier2.id);
    expect(forEmployer?.answers).toEqual([{ id: expect.any(String), body: body.trim(), createdAt: later(2), author: { name: manager.name } }]);
  });

  it("shows another organisation's employer and CSM nothing of it, and a refused answer stores nothing", async () => {
    const { raised } = await evasEscalation();
    const coordinator = await sessionFor("coordinator@loket.example");
    await answerEscalationAction.execute(coordinator, { escalationId: raised.id, body: "Wij zoeken dit vandaag nog uit." }, later(1));

    // Zorggroep Noord's contact: not on their page, and employers cannot answer on the board.
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect((await listOrganisationEscalations(lisa)).items).toEqual([]);
    expect(await answerEscalationAction.execute(lisa, { escalationId: raised.id, body: "Een antwoord van buiten de organisatie" }, later(2))).toEqual({ ok: false, reason: "FORBIDDEN" });

    // A CSM who looks after Zorggroep Noord only does not see Van Dijk's escalation or its answer.
    const other = await db.user.create({ data: { email: "csm2@loket.example", name: "Karin Bos", role: "CUSTOMER_SUCCESS_MANAGER", passwordHash: "x" } });
    await db.organisation.updateMany({ where: { name: "Zorggroep Noord" }, data: { customerSuccessManagerId: other.id } });
    expect(await listEscalationBoard(await sessionFor("csm2@loket.example"), 1)).toEqual([]);

    // Closed: the answer is refused and not kept.
    await resolveEscalationAction.execute(coordinator, { escalationId: raised.id, outcome: "Uitbetaling vandaag handmatig verwerkt." }, later(3));
    expect(await answerEscalationAction.execute(coordinator, { escalationId: raised.id, body: "Nog een antwoord na het sluiten" }, later(4))).toEqual({ ok: false, reason: "ESCALATION_CLOSED" });
    expect((await db.escalationAnswer.findMany({ where: { escalationId: raised.id } })).map((a) => a.body)).toEqual(["Wij zoeken dit vandaag nog uit."]);
  });
});
