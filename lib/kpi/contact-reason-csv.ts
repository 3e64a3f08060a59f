// The contact-reason report as a CSV in the reader's language, through the shared writer (Dutch
// Excel: semicolons, decimal commas, a byte-order mark). Changes are whole percentages. Pure.
import type { Channel } from "@prisma/client";
import type { ContactReasonCategory, ContactReasonLine, ContactReasonReport } from "./contact-reasons";
import { toCsv } from "@/lib/util/csv";

export interface ContactReasonCsvLabels {
  category: (category: ContactReasonCategory) => string;
  channel: (channel: Channel) => string;
  allChannels: string;
  allQuestions: string;
  partial: string;
  columns: { reason: string; channel: string; total: string; previous: string; change: string };
}

export function changePercent(change: number | null): number | null {
  return change === null ? null : Math.round(change * 100);
}

export function contactReasonCsv(report: ContactReasonReport, labels: ContactReasonCsvLabels): string {
  const header = [
    labels.columns.reason,
    labels.columns.channel,
    ...report.weeks.map((w) => (w.partial ? `${w.key} (${labels.partial})` : w.key)),
    labels.columns.total,
    labels.columns.previous,
    labels.columns.change,
  ];
  const row = (reason: string, line: ContactReasonLine) => [
    reason,
    line.channel ? labels.channel(line.channel) : labels.allChannels,
    ...line.perWeek,
    line.total,
    line.previous,
    changePercent(line.change),
  ];
  const rows = report.categories.flatMap(({ category, all, channels }) => [row(labels.category(category), all), ...channels.map((c) => row(labels.category(category), c))]);
  rows.push(row(labels.allQuestions, report.total));
  return toCsv(header, rows);
}
