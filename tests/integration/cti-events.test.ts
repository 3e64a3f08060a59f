// Calls from the telephone platform: signed events in, the agent's screen pop, a drafted call
// record the agent completes, and the telephony and chat KPIs. The signature in these tests is
// computed here with node:crypto, independently of lib/telephony/signature.ts.
import { createHmac, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/cti/events/route";
import { db } from "@/lib/db/client";
import { chatFigures, telephonyFigures } from "@/lib/kpi/queries";
import { logPhoneCall } from "@/lib/phone/commands";
import { currentCallFor, listDraftCalls } from "@/lib/telephony/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");
const SECRET = "whsec_" + Buffer.from("a test secret of thirty-two bytes!").toString("base64");

beforeEach(async () => {
  await seedDemo(NOW);
  process.env.LOKET_CTI_SECRET = SECRET;
});
afterEach(() => {
  delete process.env.LOKET_CTI_SECRET;
});

function signed(body: string, id: string, timestamp: number, secret = SECRET): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return "v1," + createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
}

async function send(event: Record<string, unknown>, options: { id?: string; timestamp?: number; signature?: string } = {}) {
  const body = JSON.stringify(event);
  const id = options.id ?? `evt_${randomUUID()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await POST(
    new Request("http://loket.test/api/cti/events", {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": options.signature ?? signed(body, id, timestamp) },
      body,
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, id };
}

const at = (offsetSec: number) => new Date(Date.now() - 600_000 + offsetSec * 1000).toISOString();

async function nothingWritten() {
  expect(await db.ctiCall.count()).toBe(0);
  expect(await db.ctiEvent.count()).toBe(0);
}

describe("CTI events endpoint", () => {
  it("refuses a wrong signature, a stale timestamp, a wrong secret, and answers 503 without a secret; nothing is written", async () => {
    const event = { type: "call.ringing", callId: "c1", at: at(0), callerNumber: "0612345678" };
    expect(await send(event, { signature: "v1,AAAA" })).toMatchObject({ status: 401, json: { error: "BAD_SIGNATURE" } });
    const body = JSON.stringify(event);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(await send(event, { timestamp: old, id: "e-old", signature: signed(body, "e-old", old) })).toMatchObject({ status: 401, json: { error: "STALE_TIMESTAMP" } });
    const otherSecret = "whsec_" + Buffer.from("another secret").toString("base64");
    const ts = Math.floor(Date.now() / 1000);
    expect(await send(event, { id: "e-x", timestamp: ts, signature: signed(body, "e-x", ts, otherSecret) })).toMatchObject({ status: 401, json: { error: "BAD_SIGNATURE" } });
    // A body changed after signing no longer matches.
    expect(await send({ ...event, callerNumber: "0687654321" }, { id: "e-y", timestamp: ts, signature: signed(body, "e-y", ts) })).toMatchObject({ status: 401 });
    // A guesser is stopped after 30 wrong signatures from one address in 15 minutes.
    const results = [];
    for (let i = 0; i < 30; i += 1) results.push((await send(event, { signature: "v1,AAAA" })).status);
    expect(results.slice(0, 26)).toEqual(Array(26).fill(401));
    expect(results.at(-1)).toBe(429);
    delete process.env.LOKET_CTI_SECRET;
    expect(await send(event)).toMatchObject({ status: 503, json: { error: "CTI_DISABLED" } });
    await nothingWritten();
  });

  it("refuses a signed but malformed event with 422", async () => {
    expect(await send({ type: "call.exploded", callId: "c1", at: at(0) })).toMatchObject({ status: 422, json: { error: "INVALID_EVENT" } });
    expect(await send({ type: "call.ringing", callId: "", at: "yesterday" })).toMatchObject({ status: 422 });
    await nothingWritten();
  });

  it("follows a call from ringing to answered to ended: the pop shows the caller and the note, then a draft awaits the agent", async () => {
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    await db.contactNote.create({ data: { subjectId: anna.id, kind: "UNREACHABLE", body: "Twee keer niet bereikt op 24 november" } });
    const handler = await sessionFor("behandelaar@loket.example");

    expect(await send({ type: "call.ringing", callId: "c-anna", at: at(0), callerNumber: "+31 6 1234 5678", queue: "uitkeringen" })).toMatchObject({ status: 200, json: { state: "RINGING" } });
    expect(await currentCallFor(handler.id, new Date())).toBeNull();
    const answered = await send({ type: "call.answered", callId: "c-anna", at: at(45), agentEmail: "behandelaar@loket.example" });
    expect(answered).toMatchObject({ status: 200, json: { state: "ANSWERED", duplicate: false } });
    expect(await currentCallFor(handler.id, new Date())).toMatchObject({
      callerId: anna.id,
      callerName: "Anna Jansen",
      alertNote: "Twee keer niet bereikt op 24 november",
      href: `/agent/telefoon?caller=${anna.id}`,
    });
    // The platform delivers the same event again: nothing changes.
    expect(await send({ type: "call.answered", callId: "c-anna", at: at(45), agentEmail: "behandelaar@loket.example" }, { id: answered.id })).toMatchObject({ status: 200, json: { duplicate: true } });
    expect(await db.ctiEvent.count()).toBe(2);

    expect(await send({ type: "call.ended", callId: "c-anna", at: at(45 + 312) })).toMatchObject({ status: 200, json: { state: "ENDED" } });
    expect(await currentCallFor(handler.id, new Date())).toBeNull();
    const drafts = await listDraftCalls(handler.id);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ callerId: anna.id, callerName: "Anna Jansen", phone: "+31 6 1234 5678", durationSec: 312, waitSec: 45 });

    // Another agent cannot complete it; nothing is written for the attempt.
    const coordinator = await sessionFor("coordinator@loket.example");
    const teamId = coordinator.teamIds[0]!;
    const tickets = await db.ticket.count();
    const input = { callerId: anna.id, phone: "0612345678", subject: "Vraag over betaling", categoryKey: "GENERAL_QUESTION", summary: "Uitgelegd wanneer de betaling komt.", outcome: "RESOLVED", draftCallId: drafts[0]!.id };
    expect(await logPhoneCall.execute(coordinator, { ...input, teamId }, NOW)).toEqual({ ok: false, reason: "DRAFT_NOT_FOUND" });
    expect(await db.ticket.count()).toBe(tickets);
    // The agent completes it: the same record, now with the summary, a ticket, and the platform's timings kept.
    const done = await logPhoneCall.execute(handler, { ...input, teamId: handler.teamIds[0]! }, NOW);
    expect(done.ok).toBe(true);
    const record = await db.callRecord.findUniqueOrThrow({ where: { id: drafts[0]!.id } });
    expect(record).toMatchObject({ draft: false, summary: "Uitgelegd wanneer de betaling komt.", durationSec: 312, waitSec: 45, resolvedFirstContact: true });
    expect(record.ticketId).not.toBeNull();
    expect(await db.callRecord.count({ where: { agentId: handler.id, draft: false, summary: input.summary } })).toBe(1);
    expect(await listDraftCalls(handler.id)).toEqual([]);
  });

  it("pops the newest 'not reached' or 'wrong number' note, never a general one, and an unknown number without a note", async () => {
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    const minute = (m: number) => new Date(Date.now() - 3_600_000 + m * 60_000);
    await db.contactNote.createMany({
      data: [
        { subjectId: anna.id, kind: "UNREACHABLE", body: "Eerder niet bereikt", createdAt: minute(0) },
        { subjectId: anna.id, kind: "WRONG_NUMBER", body: "Nummer hoort bij iemand anders", createdAt: minute(10) },
        { subjectId: anna.id, kind: "GENERAL", body: "Belt liever 's middags", createdAt: minute(20) },
      ],
    });
    const handler = await sessionFor("behandelaar@loket.example");
    await send({ type: "call.ringing", callId: "c-notes", at: at(0), callerNumber: "+31 6 1234 5678" });
    await send({ type: "call.answered", callId: "c-notes", at: at(10), agentEmail: "behandelaar@loket.example" });
    expect(await currentCallFor(handler.id, new Date())).toMatchObject({ callerId: anna.id, alertNote: "Nummer hoort bij iemand anders" });
    await send({ type: "call.ended", callId: "c-notes", at: at(60) });

    // A number that belongs to nobody: the pop offers it to look up, with nothing to warn about.
    await send({ type: "call.ringing", callId: "c-unknown", at: at(100), callerNumber: "0201234567" });
    await send({ type: "call.answered", callId: "c-unknown", at: at(110), agentEmail: "behandelaar@loket.example" });
    expect(await currentCallFor(handler.id, new Date())).toEqual({
      callId: expect.any(String),
      callerId: null,
      callerName: null,
      callerNumber: "0201234567",
      alertNote: null,
      href: "/agent/telefoon?caller=unknown&nummer=0201234567",
    });
    // Another agent is on no call.
    const coordinator = await sessionFor("coordinator@loket.example");
    expect(await currentCallFor(coordinator.id, new Date())).toBeNull();
  });

  it("records a caller who hung up before an answer as abandoned, with no draft", async () => {
    await send({ type: "call.ringing", callId: "c-gone", at: at(0), callerNumber: "0687654321" });
    expect(await send({ type: "call.ended", callId: "c-gone", at: at(70) })).toMatchObject({ status: 200, json: { state: "ABANDONED" } });
    expect(await db.callRecord.count({ where: { draft: true } })).toBe(0);
  });

  it("copes with events out of order: an 'ended' before its 'answered' still drafts the call", async () => {
    await send({ type: "call.ringing", callId: "c-late", at: at(0), callerNumber: "0612345678" });
    expect(await send({ type: "call.ended", callId: "c-late", at: at(200) })).toMatchObject({ json: { state: "ABANDONED" } });
    expect(await send({ type: "call.answered", callId: "c-late", at: at(20), agentEmail: "agent@loket.example", waitSec: 20 })).toMatchObject({ json: { state: "ENDED" } });
    const agent = await sessionFor("agent@loket.example");
    expect(await listDraftCalls(agent.id)).toMatchObject([{ durationSec: 180, waitSec: 20 }]);
    // A "ringing" that arrives last moves the start back and the wait with it.
    await send({ type: "call.answered", callId: "c-early", at: at(30), agentEmail: "agent@loket.example" });
    await send({ type: "call.ringing", callId: "c-early", at: at(0), callerNumber: "0612345678" });
    expect(await db.ctiCall.findUniqueOrThrow({ where: { externalId: "c-early" } })).toMatchObject({ waitSec: 30, callerNumber: "0612345678" });
  });

  it("matches a number to a person only when exactly one has it, and never to staff", async () => {
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    await send({ type: "call.ringing", callId: "c-bram", at: at(0), callerNumber: "0031687654321" });
    expect((await db.ctiCall.findUniqueOrThrow({ where: { externalId: "c-bram" } })).callerId).toBe(bram.id);
    await db.user.update({ where: { email: "anna.jansen@burger.example" }, data: { phone: "06-87654321" } });
    await send({ type: "call.ringing", callId: "c-two", at: at(0), callerNumber: "0687654321" });
    expect((await db.ctiCall.findUniqueOrThrow({ where: { externalId: "c-two" } })).callerId).toBeNull();
    // Stored as people write it: "+31 (0)6 ..." is the same number.
    await db.user.update({ where: { email: "bram.devries@burger.example" }, data: { phone: "+31 (0)6 2222 3333" } });
    await send({ type: "call.ringing", callId: "c-bram2", at: at(0), callerNumber: "06-22223333" });
    expect((await db.ctiCall.findUniqueOrThrow({ where: { externalId: "c-bram2" } })).callerId).toBe(bram.id);
    await db.user.update({ where: { email: "agent@loket.example" }, data: { phone: "0611112222" } });
    await send({ type: "call.ringing", callId: "c-staff", at: at(0), callerNumber: "0611112222" });
    expect((await db.ctiCall.findUniqueOrThrow({ where: { externalId: "c-staff" } })).callerId).toBeNull();
  });
});

describe("telephony and chat KPIs", () => {
  const period = { from: new Date("2026-11-23T23:00:00Z"), to: new Date("2026-11-24T23:00:00Z") };
  const t = (h: number, m = 0, s = 0) => new Date(Date.UTC(2026, 10, 24, h, m, s));

  it("count calls answered within a minute out of all offered, abandoned calls and reachability", async () => {
    const rows = [
      { externalId: "k1", ringingAt: t(9), answeredAt: t(9, 0, 30), waitSec: 30, state: "ENDED" as const },
      { externalId: "k2", ringingAt: t(9, 5), answeredAt: t(9, 6, 30), waitSec: 90, state: "ENDED" as const },
      { externalId: "k3", ringingAt: t(10), answeredAt: t(10, 1), waitSec: 60, state: "ANSWERED" as const },
      { externalId: "k4", ringingAt: t(11), state: "ABANDONED" as const, endedAt: t(11, 2) },
      // Still ringing: not judged yet. The day before: outside the period.
      { externalId: "k5", ringingAt: t(12), state: "RINGING" as const },
      { externalId: "k6", ringingAt: new Date("2026-11-23T12:00:00Z"), state: "ABANDONED" as const },
    ];
    for (const row of rows) await db.ctiCall.create({ data: row });
    expect(await telephonyFigures(db, period)).toEqual({
      offered: 4,
      answered: 3,
      answeredInMinute: { hit: 2, total: 4 },
      abandoned: { hit: 1, total: 4 },
      reachability: { hit: 3, total: 4 },
    });
  });

  it("count chats offered, answered, abandoned, the median and p90 wait, and those handled in the chat", async () => {
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    const category = await db.ticketCategory.findUniqueOrThrow({ where: { key: "PORTAL_HELP" } });
    const base = { requesterId: anna.id, audience: "BENEFICIARY" as const, categoryId: category.id, lineKey: "AVONDLIJN" };
    const waits = [10, 20, 30, 100];
    for (const [i, wait] of waits.entries()) {
      await db.chatSession.create({ data: { ...base, status: "ENDED", createdAt: t(9, i), acceptedAt: new Date(t(9, i).getTime() + wait * 1000), resolvedInChat: i < 2 } });
    }
    await db.chatSession.create({ data: { ...base, status: "ABANDONED", createdAt: t(10) } });
    await db.chatSession.create({ data: { ...base, status: "LEFT_MESSAGE", createdAt: t(10, 5) } });
    await db.chatSession.create({ data: { ...base, status: "WAITING", createdAt: t(10, 10) } });
    expect(await chatFigures(db, period)).toEqual({
      offered: 6,
      answered: 4,
      abandoned: 2,
      medianWaitSec: 25,
      // percentile_cont: 30 + 0.7 * (100 - 30)
      p90WaitSec: 79,
      answeredShare: { hit: 4, total: 6 },
      handledInChat: { hit: 2, total: 4 },
    });
  });
});
