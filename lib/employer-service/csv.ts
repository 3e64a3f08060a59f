// The overview's question list as a CSV that Dutch Excel opens as it is: semicolons between cells
// (a Dutch Excel reads "," as the decimal comma), a byte-order mark for UTF-8, times in Amsterdam.
// Cells a spreadsheet would run as a formula are neutralised. Pure.
import { toCsv } from "@/lib/kpi/rules";
import type { Timing } from "./rules";

export interface CsvRow {
  number: string;
  subject: string;
  category: string;
  status: string;
  requester: string;
  createdAt: Date;
  dueAt: Date | null;
  answeredAt: Date | null;
  timing: Timing;
}

export interface CsvLabels {
  columns: { number: string; subject: string; category: string; status: string; requester: string; createdAt: string; dueAt: string; answeredAt: string; timing: string };
  timing: (timing: Timing) => string;
}

const stamp = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** "2026-11-24 09:30" in Amsterdam time: sorts as text and Excel reads it as a date. */
export function csvTime(at: Date | null): string {
  return at ? stamp.format(at) : "";
}

/**
 * toCsv quotes cells starting with = + - @; a leading tab or carriage return can start a formula
 * too (OWASP's list), so those get the same leading apostrophe here.
 */
export function safeText(value: string): string {
  return /^[\t\r]/.test(value) ? `'${value}` : value;
}

export function overviewCsv(rows: CsvRow[], labels: CsvLabels): string {
  const c = labels.columns;
  return toCsv(
    [c.number, c.subject, c.category, c.status, c.requester, c.createdAt, c.dueAt, c.answeredAt, c.timing],
    rows.map((r) => [
      safeText(r.number),
      safeText(r.subject),
      safeText(r.category),
      r.status,
      safeText(r.requester),
      csvTime(r.createdAt),
      csvTime(r.dueAt),
      csvTime(r.answeredAt),
      labels.timing(r.timing),
    ]),
    { separator: ";", bom: true },
  );
}
