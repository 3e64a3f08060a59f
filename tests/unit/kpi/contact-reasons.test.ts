import { describe, expect, it } from "vitest";
import { buildContactReasonReport, isoWeekOf, previousPeriodKeys, weekBuckets, weeksOfPeriod, type ContactReasonCount } from "@/lib/kpi/contact-reasons";

describe("ISO weeks", () => {
  it("numbers weeks from the Monday, with the ISO year of the week's Thursday", () => {
    expect(isoWeekOf("2025-03-30")).toEqual({ year: 2025, week: 13, start: "2025-03-24" }); // Sunday, DST starts
    expect(isoWeekOf("2025-03-31")).toEqual({ year: 2025, week: 14, start: "2025-03-31" });
    expect(isoWeekOf("2024-12-30")).toEqual({ year: 2025, week: 1, start: "2024-12-30" });
    expect(isoWeekOf("2021-01-03")).toEqual({ year: 2020, week: 53, start: "2020-12-28" });
  });

  it("lists every week the period touches and marks the partial ones", () => {
    expect(weeksOfPeriod("2025-03-26", "2025-04-06").map((w) => [w.key, w.start, w.partial])).toEqual([
      ["2025-W13", "2025-03-24", true],
      ["2025-W14", "2025-03-31", false],
    ]);
    expect(weeksOfPeriod("2025-03-31", "2025-03-31")).toHaveLength(1);
  });

  it("compares with the same number of days just before", () => {
    expect(previousPeriodKeys("2025-03-01", "2025-03-31")).toEqual({ from: "2025-01-29", to: "2025-02-28" });
    expect(previousPeriodKeys("2024-03-01", "2024-03-01")).toEqual({ from: "2024-02-29", to: "2024-02-29" });
  });
});

describe("week buckets for the query", () => {
  it("cuts both periods at Amsterdam Mondays 00:00 and at the period start, across summer time", () => {
    const { bounds, buckets } = weekBuckets({ from: "2025-03-26", to: "2025-04-01" });
    // Previous period 19-25 Mar (CET); this period 26 Mar - 1 Apr, summer time from 30 Mar.
    expect(bounds.map((d) => d.toISOString())).toEqual([
      "2025-03-18T23:00:00.000Z", // Wed 19 Mar 00:00 CET
      "2025-03-23T23:00:00.000Z", // Mon 24 Mar 00:00 CET
      "2025-03-25T23:00:00.000Z", // Wed 26 Mar 00:00 CET: this period begins
      "2025-03-30T22:00:00.000Z", // Mon 31 Mar 00:00 CEST
      "2025-04-01T22:00:00.000Z", // Wed 2 Apr 00:00 CEST: the end
    ]);
    expect(buckets).toEqual([
      { weekStart: "2025-03-17", current: false },
      { weekStart: "2025-03-24", current: false },
      { weekStart: "2025-03-24", current: true },
      { weekStart: "2025-03-31", current: true },
    ]);
  });
});

describe("contact-reason report", () => {
  const categories = [
    { id: "g", key: "GENERAL_QUESTION", nameNl: "Algemene vraag", nameEn: "General question", active: true },
    { id: "d", key: "DOSSIER_QUESTION", nameNl: "Dossiervraag", nameEn: "Dossier question", active: true },
    { id: "old", key: "OLD", nameNl: "Oud", nameEn: "Old", active: false },
  ];
  const row = (categoryId: string, channel: ContactReasonCount["channel"], weekStart: string, current: boolean, count: number): ContactReasonCount => ({ categoryId, channel, weekStart, current, count });

  it("adds up per week, per channel, per category, and the trend against the previous period", () => {
    const report = buildContactReasonReport(
      [
        row("g", "PHONE", "2025-03-24", true, 3),
        row("g", "EMAIL", "2025-03-31", true, 1),
        // The previous period ended mid-week: the same week, but not in this period's figures.
        row("g", "PHONE", "2025-03-24", false, 2),
        row("d", "PORTAL", "2025-03-17", false, 4),
      ],
      categories,
      { from: "2025-03-26", to: "2025-04-06" },
    );
    expect(report.weeks.map((w) => w.key)).toEqual(["2025-W13", "2025-W14"]);
    expect(report.previous).toEqual({ from: "2025-03-14", to: "2025-03-25" });
    const [general, dossier] = report.categories;
    expect(general!.all).toEqual({ channel: null, perWeek: [3, 1], total: 4, previous: 2, change: 1 });
    expect(general!.channels.map((c) => [c.channel, c.perWeek, c.previous])).toEqual([["PHONE", [3, 0], 2], ["EMAIL", [0, 1], 0]]);
    expect(dossier!.all).toMatchObject({ total: 0, previous: 4, change: -1 });
    expect(report.total).toMatchObject({ perWeek: [3, 1], total: 4, previous: 6 });
    // An inactive category without questions is left out; a new category has no change figure.
    expect(report.categories.map((c) => c.category.key)).toEqual(["GENERAL_QUESTION", "DOSSIER_QUESTION"]);
    expect(general!.channels[1]!.change).toBeNull();
  });
});

describe("contact-reason CSV", () => {
  it("writes Dutch labels, partial weeks, and whole-percent changes", async () => {
    const { contactReasonCsv } = await import("@/lib/kpi/contact-reason-csv");
    const report = buildContactReasonReport(
      [
        { categoryId: "g", channel: "PHONE", weekStart: "2025-03-24", current: true, count: 3 },
        { categoryId: "g", channel: "PHONE", weekStart: "2025-03-17", current: false, count: 2 },
      ],
      [{ id: "g", key: "GENERAL_QUESTION", nameNl: "Algemene vraag", nameEn: "General question", active: true }],
      { from: "2025-03-26", to: "2025-03-31" },
    );
    const csv = contactReasonCsv(report, {
      category: (c) => c.nameNl,
      channel: (c) => ({ PHONE: "Telefoon" })[c as "PHONE"] ?? c,
      allChannels: "Alle kanalen",
      allQuestions: "Alle vragen",
      partial: "deels",
      columns: { reason: "Contactreden", channel: "Kanaal", total: "Totaal", previous: "Vorige periode", change: "Verandering (%)" },
    });
    expect(csv).toBe(
      "\uFEFFContactreden;Kanaal;2025-W13 (deels);2025-W14 (deels);Totaal;Vorige periode;Verandering (%)\r\n" +
        "Algemene vraag;Alle kanalen;3;0;3;2;50\r\n" +
        "Algemene vraag;Telefoon;3;0;3;2;50\r\n" +
        "Alle vragen;Alle kanalen;3;0;3;2;50\r\n",
    );
  });
});
