// The overview's question list as a CSV through the shared writer (Dutch Excel: semicolons, a
// byte-order mark, formula-safe cells), statuses and timings in the contact's language, times in
// Amsterdam. Pure.
import { toCsv } from "@/lib/util/csv";
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

export function overviewCsv(rows: CsvRow[], labels: CsvLabels): string {
  const c = labels.columns;
  return toCsv(
    [c.number, c.subject, c.category, c.status, c.requester, c.createdAt, c.dueAt, c.answeredAt, c.timing],
    rows.map((r) => [
      r.number,
      r.subject,
      r.category,
      r.status,
      r.requester,
      csvTime(r.createdAt),
      csvTime(r.dueAt),
      csvTime(r.answeredAt),
      labels.timing(r.timing),
    ]),
  );
}
