import type { Prisma } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { overviewCsvFor, type ExportTexts } from "@/lib/employer-service/export";
import { parsePeriod } from "@/lib/employer-service/period";
import { overviewFigures, overviewList } from "@/lib/employer-service/queries";
import type { OverviewFilters, Timing } from "@/lib/employer-service/rules";
import type { Period } from "@/lib/kpi/rules";
import { seedDemo, sessionFor } from "../support/fixtures";

// A hand-made second quarter of 2025 for Van Dijk, far from the demo data (around the seed date),
// with each ticket's expected outcome next to it. "now" is after the quarter.
const NOW = new Date("2025-07-15T10:00:00Z");
const at = (iso: string) => new Date(iso);
const DUE = at("2025-04-14T15:00:00Z");

let eva: SessionUser; // HR professional, all rights
let tom: SessionUser; // SUBMIT_REQUESTS only: no HR-desk conversations
let q2: Period;
const expected = new Map<string, Timing>();
const numberByName = new Map<string, string>();
const numberOf = (name: string) => numberByName.get(name)!;
let seq = 0;

async function fixture(
  name: string,
  timing: Timing | null,
  data: Partial<Prisma.TicketUncheckedCreateInput> & { createdAt: Date },
  categoryKey = "GENERAL_QUESTION",
  urgent?: { dueAt: Date; answeredAt: Date | null; verification?: "NOT_URGENT" },
) {
  const category = await db.ticketCategory.findUniqueOrThrow({ where: { key: categoryKey } });
  seq += 1;
  const number = `LK-2025-${String(700_000 + seq)}`;
  const ticket = await db.ticket.create({
    data: {
      number,
      subject: `Servicevraag ${name}`,
      categoryId: category.id,
      channel: "PORTAL",
      audience: "EMPLOYER",
      requesterId: data.requesterId ?? eva.id,
      organisationId: data.organisationId ?? eva.organisationId,
      slaPolicyKey: "WRITTEN_QUESTION",
      ...data,
    },
  });
  if (urgent) {
    await db.urgentRequest.create({
      data: { ticketId: ticket.id, organisationId: ticket.organisationId!, reason: "r", forWhom: "w", receivedAt: data.createdAt, dueAt: urgent.dueAt, answeredAt: urgent.answeredAt, verification: urgent.verification ?? null },
    });
  }
  numberByName.set(name, number);
  if (timing) expected.set(number, timing);
  return ticket;
}

const written = (stoppedAt: Date | null, state: "ON_TRACK" | "BREACHED", dueAt = DUE) => ({ slaStartedAt: at("2025-04-07T08:00:00Z"), slaDueAt: dueAt, slaStoppedAt: stoppedAt, slaState: state });
const created = at("2025-04-07T08:00:00Z");

beforeAll(async () => {
  await seedDemo();
  [eva, tom] = await Promise.all([sessionFor("eva.bakker@vandijk.example"), sessionFor("tom.visser@vandijk.example")]);
  const zorgnoord = await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } });
  const lisa = await db.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } });
  const parsed = parsePeriod({ van: "2025-04-01", tot: "2025-06-30" }, NOW);
  if (!parsed.ok) throw new Error("fixture period");
  q2 = parsed.period;

  // Written questions (GENERAL_QUESTION): in time 1, late 2, open 2.
  await fixture("w1", "IN_TIME", { createdAt: created, status: "RESOLVED", ...written(at("2025-04-10T09:00:00Z"), "ON_TRACK") });
  await fixture("w2", "LATE", { createdAt: created, status: "CLOSED", ...written(at("2025-04-16T09:00:00Z"), "BREACHED") });
  await fixture("w3", "LATE", { createdAt: created, status: "OPEN", ...written(null, "BREACHED") });
  // Filed on the quarter's last evening (23:30 in Amsterdam, summer time): inside the period.
  await fixture("w4", "OPEN", { createdAt: at("2025-06-30T21:30:00Z"), status: "NEW", ...written(null, "ON_TRACK", at("2025-07-20T15:00:00Z")) });
  // Waiting on the organisation: never late while paused, even past its due time.
  await fixture("w5", "OPEN", { createdAt: created, status: "PENDING_CUSTOMER", ...written(null, "ON_TRACK"), slaPausedAt: at("2025-04-08T08:00:00Z") });
  // A phone question handled at once: no clock, counted nowhere in the timing.
  await fixture("w6", "NONE", { createdAt: created, status: "RESOLVED", channel: "PHONE", slaPolicyKey: null }, "PROCEDURE");
  // Urgent requests: in time 1, late 2 (one answered late, one unanswered past due).
  const udue = at("2025-05-06T08:00:00Z");
  await fixture("u1", "IN_TIME", { createdAt: at("2025-05-05T08:00:00Z"), status: "RESOLVED", priority: "URGENT" }, "URGENT_REQUEST", { dueAt: udue, answeredAt: at("2025-05-05T15:00:00Z") });
  await fixture("u2", "LATE", { createdAt: at("2025-05-05T08:00:00Z"), status: "CLOSED", priority: "URGENT" }, "URGENT_REQUEST", { dueAt: udue, answeredAt: at("2025-05-07T09:00:00Z") });
  await fixture("u3", "LATE", { createdAt: at("2025-05-05T08:00:00Z"), status: "OPEN", priority: "URGENT" }, "URGENT_REQUEST", { dueAt: udue, answeredAt: null });
  // Found not urgent by the confirming call: judged as a written question (in time), not on its
  // unanswered, overdue 24-hour clock.
  await fixture("u4", "IN_TIME", { createdAt: at("2025-05-05T08:00:00Z"), status: "RESOLVED", ...written(at("2025-04-10T09:00:00Z"), "ON_TRACK") }, "URGENT_REQUEST", { dueAt: udue, answeredAt: null, verification: "NOT_URGENT" });
  // An HR-desk conversation, answered in time: only HR professionals see it.
  await fixture("h1", "IN_TIME", { createdAt: created, status: "RESOLVED", ...written(at("2025-04-09T09:00:00Z"), "ON_TRACK") }, "HR_DESK");
  // Outside the period: 31 March 23:00 and 1 July 00:30 in Amsterdam.
  await fixture("before", null, { createdAt: at("2025-03-31T21:00:00Z"), status: "RESOLVED", ...written(at("2025-04-10T09:00:00Z"), "ON_TRACK") });
  await fixture("after", null, { createdAt: at("2025-06-30T22:30:00Z"), status: "RESOLVED", ...written(at("2025-07-01T09:00:00Z"), "ON_TRACK", at("2025-07-08T15:00:00Z")) });
  // Another organisation's question in the same period, same category, answered in time.
  await fixture("Zorgnoord geheim", null, { createdAt: created, status: "RESOLVED", requesterId: lisa.id, organisationId: zorgnoord.id, ...written(at("2025-04-10T09:00:00Z"), "ON_TRACK") });
}, 180_000);

const numbersOf = async (user: SessionUser, filters: OverviewFilters = {}) => (await overviewList(user, q2, filters, 0, NOW)).items.map((i) => i.number).sort();
const named = (...names: string[]) => names.map(numberOf).sort();

describe("employer service overview: figures", () => {
  it("counts the period's questions by status, category and answered in time, for an HR professional", async () => {
    const f = await overviewFigures(eva, q2, NOW);
    expect(f.total).toBe(11);
    expect(Object.fromEntries(f.byStatus.map((s) => [s.status, s.count]))).toEqual({ NEW: 1, OPEN: 2, PENDING_CUSTOMER: 1, RESOLVED: 5, CLOSED: 2 });
    expect(Object.fromEntries(f.byCategory.map((c) => [c.key, [c.total, c.inTime, c.late, c.open]]))).toEqual({
      GENERAL_QUESTION: [5, 1, 2, 2],
      PROCEDURE: [1, 0, 0, 0],
      URGENT_REQUEST: [4, 2, 2, 0],
      HR_DESK: [1, 1, 0, 0],
    });
    // Written: w1, u4 (not urgent after all), h1 in time; w2, w3 late -> 3 of 5. Urgent: u1 of u1-u3.
    expect(f.written).toEqual({ hit: 3, total: 5 });
    expect(f.urgent).toEqual({ hit: 1, total: 3 });
  });

  it("leaves out HR-desk conversations for a contact without the HR flag", async () => {
    const f = await overviewFigures(tom, q2, NOW);
    expect(f.total).toBe(10);
    expect(f.byCategory.map((c) => c.key)).not.toContain("HR_DESK");
    expect(f.written).toEqual({ hit: 2, total: 4 });
    expect(await numbersOf(tom)).not.toContain(numberOf("h1"));
    expect(await numbersOf(eva)).toContain(numberOf("h1"));
  });

  it("never counts or lists another organisation's questions", async () => {
    const all = await numbersOf(eva);
    expect(all).toHaveLength(11);
    expect(all).not.toContain(numberOf("Zorgnoord geheim"));
    expect(await numbersOf(eva, { search: "Zorgnoord" })).toEqual([]);
    expect(await numbersOf(eva, { search: numberOf("Zorgnoord geheim") })).toEqual([]);
    const lisa = await sessionFor("lisa.smit@zorggroepnoord.example");
    expect((await overviewFigures(lisa, q2, NOW)).total).toBe(1);
  });
});

describe("employer service overview: the list", () => {
  it("labels each question in time, late, open or without a deadline", async () => {
    const { items } = await overviewList(eva, q2, {}, 0, NOW);
    expect(Object.fromEntries(items.map((i) => [i.number, i.timing]))).toEqual(Object.fromEntries(expected));
  });

  it("filters by answer time, category, status and search, and the filters agree with the labels", async () => {
    expect(await numbersOf(eva, { timing: "LATE" })).toEqual(named("w2", "w3", "u2", "u3"));
    expect(await numbersOf(eva, { timing: "OPEN" })).toEqual(named("w4", "w5"));
    expect(await numbersOf(eva, { timing: "IN_TIME" })).toEqual(named("w1", "u1", "u4", "h1"));
    expect(await numbersOf(eva, { categoryKey: "URGENT_REQUEST", status: "RESOLVED" })).toEqual(named("u1", "u4"));
    expect(await numbersOf(eva, { search: "servicevraag w3" })).toEqual(named("w3"));
    expect(await numbersOf(eva, { search: numberOf("u2").slice(-4) })).toEqual(named("u2"));
  });

  it("pages by 25, newest first, without overlap", async () => {
    const parsed = parsePeriod({ van: "2025-09-01", tot: "2025-09-30" }, NOW);
    if (!parsed.ok) throw new Error("period");
    for (let i = 0; i < 27; i += 1) await fixture(`p${i}`, null, { createdAt: new Date(Date.UTC(2025, 8, 1 + i, 9)), status: "OPEN" });
    const first = await overviewList(eva, parsed.period, {}, 0, NOW);
    const second = await overviewList(eva, parsed.period, {}, 1, NOW);
    expect(first.total).toBe(27);
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(2);
    expect(first.items[0]!.subject).toBe("Servicevraag p26");
    expect(new Set([...first.items, ...second.items].map((i) => i.number)).size).toBe(27);
  });
});

describe("employer service overview: CSV", () => {
  const texts: ExportTexts = {
    locale: "nl",
    status: (r) => r.complaintStatus ?? r.status,
    columns: { number: "Registratienummer", subject: "Onderwerp", category: "Categorie", status: "Status", requester: "Aangevraagd door", createdAt: "Ontvangen op", dueAt: "Uiterlijk antwoord", answeredAt: "Beantwoord op", timing: "Termijn" },
    timing: (t) => ({ IN_TIME: "Op tijd", LATE: "Te laat", OPEN: "Open", NONE: "Geen termijn" })[t],
  };

  it("holds the filtered list only, in the contact's organisation, semicolon separated for Dutch Excel", async () => {
    const { csv, cut } = await overviewCsvFor(eva, q2, { timing: "LATE" }, NOW, texts);
    expect(cut).toBe(false);
    expect(csv.startsWith("\uFEFFRegistratienummer;Onderwerp;Categorie;Status;")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(5); // header + w2, w3, u2, u3
    expect(lines.map((l) => l.split(";")[0]).slice(1).sort()).toEqual(named("w2", "w3", "u2", "u3"));
    const u2 = lines.find((l) => l.startsWith(numberOf("u2")))!;
    // Times in Amsterdam (summer time): received 10:00, due 10:00 next day, answered 7 May 11:00.
    expect(u2.split(";").slice(5)).toEqual(["2025-05-05 10:00", "2025-05-06 10:00", "2025-05-07 11:00", "Te laat"]);
  });

  it("never holds another organisation's or (without the flag) an HR-desk question", async () => {
    const all = (await overviewCsvFor(eva, q2, {}, NOW, texts)).csv;
    expect(all).toContain(numberOf("h1"));
    expect(all).not.toContain(numberOf("Zorgnoord geheim"));
    expect(all).not.toContain("Zorgnoord geheim");
    const forTom = (await overviewCsvFor(tom, q2, {}, NOW, texts)).csv;
    expect(forTom).not.toContain(numberOf("h1"));
    expect(forTom.trim().split("\r\n")).toHaveLength(11);
  });

  it("neutralises a subject a spreadsheet would run as a formula", async () => {
    // In August, apart from the quarter the other tests count.
    const evil = await fixture("formula", null, { createdAt: at("2025-08-04T08:00:00Z"), status: "OPEN" });
    await db.ticket.update({ where: { id: evil.id }, data: { subject: '=HYPERLINK("http://evil.example";"klik")' } });
    const august = parsePeriod({ van: "2025-08-01", tot: "2025-08-31" }, NOW);
    if (!august.ok) throw new Error("period");
    const { csv } = await overviewCsvFor(eva, august.period, { search: "HYPERLINK" }, NOW, texts);
    const line = csv.trim().split("\r\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"";""klik"")"`);
    expect(line.split(";")[0]).toBe(evil.number);
  });
});

describe("employer service overview: the period", () => {
  it("refuses a period that is not one and takes the default when none is given", () => {
    expect(parsePeriod({ van: "2025-06-30", tot: "2025-04-01" }, NOW)).toMatchObject({ ok: false, error: "FROM_AFTER_TO" });
    expect(parsePeriod({ van: "2025-02-30", tot: "2025-04-01" }, NOW)).toMatchObject({ ok: false, error: "INVALID_DATE" });
    expect(parsePeriod({ van: "2025-04-01", tot: "" }, NOW)).toMatchObject({ ok: false, error: "INVALID_DATE" });
    expect(parsePeriod({ van: "'; DROP TABLE", tot: "2025-04-01" }, NOW)).toMatchObject({ ok: false, error: "INVALID_DATE" });
    expect(parsePeriod({ van: "2020-01-01", tot: "2025-04-01" }, NOW)).toMatchObject({ ok: false, error: "PERIOD_TOO_LONG" });
    expect(parsePeriod({}, NOW)).toMatchObject({ ok: true, keys: { from: "2024-07-16", to: "2025-07-15" } });
  });
});
