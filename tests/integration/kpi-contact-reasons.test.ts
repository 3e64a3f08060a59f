import type { Channel } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { contactReasonReport } from "@/lib/kpi/contact-reason-queries";
import type { ContactReasonReport } from "@/lib/kpi/contact-reasons";
import { loadKpisFor } from "@/lib/kpi/load";
import { seedDemo, sessionFor } from "../support/fixtures";

// Hand-made questions in 2024, far from the demo data. Summer time began Sun 31 Mar 2024 02:00
// (UTC+1 -> UTC+2) and ended Sun 27 Oct 03:00 (UTC+2 -> UTC+1); ISO weeks run Monday to Sunday
// in Amsterdam, so the UTC instants below sit on the other side of midnight than a UTC count would.
const at = (iso: string) => new Date(iso);
let seq = 0;
let spring: ContactReasonReport;
let autumn: ContactReasonReport;

async function question(iso: string, channel: Channel, categoryKey = "GENERAL_QUESTION", senderUnverified = false) {
  const category = await db.ticketCategory.findUniqueOrThrow({ where: { key: categoryKey } });
  seq += 1;
  await db.ticket.create({ data: { number: `LK-2024-${String(990000 + seq)}`, subject: `vraag ${seq}`, categoryId: category.id, channel, senderUnverified, createdAt: at(iso) } });
}

const line = (report: ContactReasonReport, key: string) => report.categories.find((c) => c.category.key === key)!;

beforeAll(async () => {
  await seedDemo();
  // Period 25 Mar - 7 Apr 2024 (weeks 13 and 14); the previous period is 11 - 24 Mar.
  await question("2024-03-24T23:30:00Z", "PHONE"); // Mon 25 Mar 00:30 CET: week 13 (UTC still says Sunday)
  await question("2024-03-31T21:30:00Z", "PHONE"); // Sun 31 Mar 23:30 CEST, the day summer time began: week 13
  await question("2024-03-31T22:30:00Z", "EMAIL"); // Mon 1 Apr 00:30 CEST: week 14 (UTC still says Sunday)
  await question("2024-04-03T10:00:00Z", "PORTAL", "DOSSIER_QUESTION"); // week 14
  await question("2024-04-07T21:59:00Z", "PORTAL", "DOSSIER_QUESTION"); // Sun 7 Apr 23:59 CEST: last minute of the period
  await question("2024-04-07T22:00:00Z", "PORTAL", "DOSSIER_QUESTION"); // Mon 8 Apr 00:00 CEST: after the period
  await question("2024-03-24T22:30:00Z", "PHONE"); // Sun 24 Mar 23:30 CET: previous period
  await question("2024-03-12T09:00:00Z", "PHONE"); // previous period
  await question("2024-03-10T22:59:00Z", "EMAIL"); // Sun 10 Mar 23:59 CET: before the previous period
  await question("2024-04-02T09:00:00Z", "PORTAL", "COMPLAINT"); // a complaint's own ticket: not a question
  await question("2024-04-02T09:00:00Z", "EMAIL", "GENERAL_QUESTION", true); // sender not verified: not counted

  // Period 21 Oct - 3 Nov 2024 (weeks 43 and 44) across the end of summer time.
  await question("2024-10-26T21:30:00Z", "PHONE"); // Sat 26 Oct 23:30 CEST: week 43
  await question("2024-10-27T22:30:00Z", "PHONE"); // Sun 27 Oct 23:30 CET: week 43
  await question("2024-10-27T23:15:00Z", "PHONE"); // Mon 28 Oct 00:15 CET: week 44

  spring = (await contactReasonReport(db, { from: "2024-03-25", to: "2024-04-07" }))!;
  autumn = (await contactReasonReport(db, { from: "2024-10-21", to: "2024-11-03" }))!;
});

describe("contact-reason report", () => {
  it("counts questions per Amsterdam ISO week across the start of summer time", () => {
    expect(spring.weeks.map((w) => [w.key, w.start, w.partial])).toEqual([["2024-W13", "2024-03-25", false], ["2024-W14", "2024-04-01", false]]);
    expect(line(spring, "GENERAL_QUESTION").all).toEqual({ channel: null, perWeek: [2, 1], total: 3, previous: 2, change: 0.5 });
    expect(line(spring, "DOSSIER_QUESTION").all).toEqual({ channel: null, perWeek: [0, 2], total: 2, previous: 0, change: null });
    expect(spring.total).toMatchObject({ perWeek: [2, 3], total: 5, previous: 2 });
  });

  it("splits each category by channel", () => {
    expect(line(spring, "GENERAL_QUESTION").channels.map((c) => [c.channel, c.perWeek, c.total, c.previous])).toEqual([
      ["PHONE", [2, 0], 2, 2],
      ["EMAIL", [0, 1], 1, 0],
    ]);
    expect(line(spring, "DOSSIER_QUESTION").channels.map((c) => c.channel)).toEqual(["PORTAL"]);
  });

  it("leaves out complaints' own tickets and mail from unverified senders", () => {
    expect(spring.categories.map((c) => c.category.key)).not.toContain("COMPLAINT");
    expect(spring.total.total).toBe(5);
  });

  it("puts Sunday 23:30 in its own week and Monday 00:15 in the next, after summer time ends", () => {
    expect(line(autumn, "GENERAL_QUESTION").all.perWeek).toEqual([2, 1]);
    expect(autumn.previous).toEqual({ from: "2024-10-07", to: "2024-10-20" });
  });

  it("is part of the KPI page for coordinators, over the chosen period", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const data = await loadKpisFor(coordinator, { from: "2024-03-25", to: "2024-04-07" }, at("2024-05-01T10:00:00Z"));
    expect(data.ok && data.contactReasons?.total.perWeek).toEqual([2, 3]);
    // Two years of weeks at most: a longer period gets no report (the page says why), never a huge table.
    expect(await contactReasonReport(db, { from: "2022-01-01", to: "2024-01-31" })).toBeNull();
    expect(await loadKpisFor(await sessionFor("agent@loket.example"), { from: "2024-03-25", to: "2024-04-07" }, at("2024-05-01T10:00:00Z"))).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});
