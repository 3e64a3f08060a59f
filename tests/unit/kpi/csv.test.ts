import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/lead.json";
import nl from "@/messages/nl/lead.json";
import { kpiEscalationCsv, kpiSatisfactionCsv, kpiSummaryCsv, type KpiText } from "@/lib/kpi/csv";
import type { KpiReport } from "@/lib/kpi/queries";
import { escalationRows, satisfactionRows, summaryRows } from "@/lib/kpi/view";

// The route's translator, built from the real message files: the test fails when a label is missing.
function textIn(locale: "nl" | "en"): KpiText {
  const t = createTranslator({ locale, messages: locale === "nl" ? nl : en, namespace: "leadKpi" });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}

const report: KpiReport = {
  firstContactResolution: { hit: 17, total: 20 },
  writtenInTime: { hit: 0, total: 0 },
  callbacks: { attemptedInSlot: { hit: 1, total: 2 }, within2Hours: { hit: 1, total: 4 }, within24Hours: { hit: 3, total: 4 }, reached: { hit: 1, total: 1 }, unreachable: { hit: 0, total: 1 }, wrongNumber: { hit: 0, total: 1 }, repeat: { hit: 1, total: 50 } },
  urgentInTime: { hit: 2, total: 2 },
  complaints: { complaints: 25, contacts: 2000, inTimeByStage: { STAGE_1: { hit: 1, total: 2 }, STAGE_2: { hit: 0, total: 0 } } },
  satisfaction: { overall: { hit: 4, total: 5 }, byChannel: { PORTAL: { hit: 4, total: 5 } }, byAudience: { EMPLOYER: { hit: 1, total: 3 } } },
  escalations: { 1: { UNDER_1_DAY: 2, DAYS_1_TO_3: 0, DAYS_3_TO_7: 1, OVER_7_DAYS: 0 }, 2: { UNDER_1_DAY: 0, DAYS_1_TO_3: 0, DAYS_3_TO_7: 0, OVER_7_DAYS: 4 } },
  telephony: { offered: 10, answered: 9, answeredInMinute: { hit: 7, total: 10 }, abandoned: { hit: 1, total: 10 }, reachability: { hit: 9, total: 10 } },
  chat: { offered: 4, answered: 3, abandoned: 1, medianWaitSec: 40, p90WaitSec: 95, answeredShare: { hit: 3, total: 4 }, handledInChat: { hit: 2, total: 3 } },
};

const lines = (csv: string) => csv.slice(1).split("\r\n").slice(0, -1);

describe("KPI exports for Dutch Excel, in the reader's language", () => {
  it("the summary names every figure, stage and verdict as the dashboard does, with decimal commas", () => {
    const csv = kpiSummaryCsv(summaryRows(report), textIn("nl"));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = lines(csv);
    expect(header).toBe("Kerncijfer;Onderdeel;Teller;Noemer;Waarde;Doel;Doel is;Oordeel");
    expect(rows).toContain("Opgelost in eerste contact;;17;20;0,85;0,85;minimaal;Gehaald");
    expect(rows).toContain("Klachten op tijd beantwoord;fase 1;1;2;0,5;1;minimaal;Niet gehaald");
    expect(rows).toContain("Schriftelijke vragen binnen 5 werkdagen;;0;0;;0,9;minimaal;Geen gegevens");
    expect(rows.find((r) => r.startsWith("Klachten per 1.000 contacten;"))).toBe("Klachten per 1.000 contacten;;25;2000;12,5;;;Geen doel");
    // No code the reader would have to look up.
    expect(csv).not.toMatch(/\b(MET|MISSED|NO_TARGET|NO_DATA|STAGE_1|atLeast)\b/);
  });

  it("satisfaction names channels and audiences, escalations their tiers and ages", () => {
    expect(lines(kpiSatisfactionCsv(satisfactionRows(report), textIn("nl")))).toEqual([
      "Groep;Kanaal of doelgroep;Tevreden;Reacties;Aandeel tevreden",
      "Kanaal;Portaal;4;5;0,8",
      "Doelgroep;Werkgevers;1;3;0,3333",
    ]);
    expect(lines(kpiEscalationCsv(escalationRows(report), textIn("nl")))).toEqual(["Niveau;< 1 dag;1-3 dagen;3-7 dagen;> 7 dagen", "Niveau 1;2;0;1;0", "Niveau 2;0;0;0;4"]);
  });

  it("speaks English to an English reader, in the same Excel-ready form", () => {
    const [header, ...rows] = lines(kpiSummaryCsv(summaryRows(report), textIn("en")));
    expect(header).toBe("Key figure;Part;Numerator;Denominator;Value;Target;Target is;Verdict");
    expect(rows.find((r) => r.includes(";stage 1;"))).toMatch(/;1;2;0,5;1;at least;Missed$/);
    expect(lines(kpiSatisfactionCsv(satisfactionRows(report), textIn("en")))[1]).toBe("Channel;Portal;4;5;0,8");
  });
});
