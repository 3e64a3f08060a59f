// Contact-reason report: questions per category and channel per ISO week (Amsterdam), with the
// trend against the previous period of equal length. Pure: the query counts, this shapes.
import type { Channel } from "@prisma/client";
import { amsterdamDateKey, civilOf, dayNumber, formatDateKey, isoWeekdayOf, requireDateKey } from "@/lib/calendar/local-time";
import { periodFromKeys } from "./period";

/** One group of the query: tickets of a category and channel in one Amsterdam ISO week. */
export interface ContactReasonCount {
  categoryId: string;
  channel: Channel;
  /** The Monday the week starts on, "yyyy-MM-dd". */
  weekStart: string;
  /** In the chosen period (true) or in the previous period of equal length (false). */
  current: boolean;
  count: number;
}

export interface ContactReasonCategory {
  id: string;
  key: string;
  nameNl: string;
  nameEn: string;
  active: boolean;
}

export interface IsoWeek {
  /** "2025-W13": ISO year and week, which may differ from the calendar year around New Year. */
  key: string;
  year: number;
  week: number;
  /** Monday, "yyyy-MM-dd". */
  start: string;
  /** The period covers only part of the week (its first or last week). */
  partial: boolean;
}

export interface ContactReasonLine {
  /** null: all channels together. */
  channel: Channel | null;
  perWeek: number[];
  total: number;
  previous: number;
  /** (total - previous) / previous; null when the previous period had none. */
  change: number | null;
}

export interface ContactReasonReport {
  weeks: IsoWeek[];
  previous: { from: string; to: string };
  categories: { category: ContactReasonCategory; all: ContactReasonLine; channels: ContactReasonLine[] }[];
  total: ContactReasonLine;
}

/** Two years of weeks: a longer period would make a page (and an export) of thousands of columns. */
export const MAX_REPORT_WEEKS = 106;

/** Channel order on the page and in the export. */
export const REPORT_CHANNELS: readonly Channel[] = ["PHONE", "PORTAL", "EMAIL", "LETTER", "CHAT"];

export function isoWeekOf(dateKey: string): { year: number; week: number; start: string } {
  const dn = requireDateKey(dateKey);
  const monday = dn - isoWeekdayOf(dn) + 1;
  // The ISO year is the year of the week's Thursday.
  const year = civilOf(monday + 3).year;
  const week = Math.floor((monday + 3 - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week, start: formatDateKey(monday) };
}

/** Every ISO week that the period [from, to] (inclusive date keys) touches, oldest first. */
export function weeksOfPeriod(from: string, to: string): IsoWeek[] {
  const first = requireDateKey(from);
  const last = requireDateKey(to);
  const weeks: IsoWeek[] = [];
  for (let monday = first - isoWeekdayOf(first) + 1; monday <= last; monday += 7) {
    const { year, week, start } = isoWeekOf(formatDateKey(monday));
    weeks.push({ key: `${year}-W${String(week).padStart(2, "0")}`, year, week, start, partial: monday < first || monday + 6 > last });
  }
  return weeks;
}

/** The same number of calendar days, ending the day before `from`. */
export function previousPeriodKeys(from: string, to: string): { from: string; to: string } {
  const first = requireDateKey(from);
  const days = requireDateKey(to) - first + 1;
  return { from: formatDateKey(first - days), to: formatDateKey(first - 1) };
}

/**
 * The instants where a count changes bucket: the start of the previous period, every Amsterdam
 * Monday 00:00 in between, the start of the chosen period and its end. Bucket i (1-based, as
 * PostgreSQL's width_bucket numbers them) runs from bounds[i - 1] up to bounds[i]. Cutting in
 * JavaScript spares the database a time-zone conversion per ticket.
 */
export function weekBuckets(period: { from: string; to: string }): { bounds: Date[]; buckets: { weekStart: string; current: boolean }[] } {
  const prev = previousPeriodKeys(period.from, period.to);
  const start = periodFromKeys(prev.from, prev.to).from.getTime();
  const { from, to } = periodFromKeys(period.from, period.to);
  const mondays = weeksOfPeriod(prev.from, period.to).map((w) => periodFromKeys(w.start, w.start).from.getTime());
  const bounds = [...new Set([start, ...mondays, from.getTime(), to.getTime()])].filter((t) => t >= start && t <= to.getTime()).sort((a, b) => a - b);
  return {
    bounds: bounds.map((t) => new Date(t)),
    buckets: bounds.slice(0, -1).map((t) => ({ weekStart: isoWeekOf(amsterdamDateKey(new Date(t))).start, current: t >= from.getTime() })),
  };
}

export function changeOf(total: number, previous: number): number | null {
  return previous > 0 ? (total - previous) / previous : null;
}

function emptyLine(channel: Channel | null, weeks: number): ContactReasonLine {
  return { channel, perWeek: Array.from({ length: weeks }, () => 0), total: 0, previous: 0, change: null };
}

function add(line: ContactReasonLine, weekIndex: number, row: ContactReasonCount) {
  if (!row.current) {
    line.previous += row.count;
    return;
  }
  line.total += row.count;
  if (weekIndex >= 0) line.perWeek[weekIndex]! += row.count;
}

/**
 * Categories in their configured order (the caller passes them sorted); an inactive category shows
 * only when it has questions in either period. Channels show per category when they have any.
 */
export function buildContactReasonReport(
  counts: readonly ContactReasonCount[],
  categories: readonly ContactReasonCategory[],
  period: { from: string; to: string },
): ContactReasonReport {
  const weeks = weeksOfPeriod(period.from, period.to);
  const weekIndex = new Map(weeks.map((w, i) => [w.start, i]));
  const total = emptyLine(null, weeks.length);
  const byCategory = new Map(categories.map((category) => [category.id, { all: emptyLine(null, weeks.length), channels: new Map<Channel, ContactReasonLine>() }]));
  for (const row of counts) {
    const entry = byCategory.get(row.categoryId);
    if (!entry) continue;
    const index = weekIndex.get(row.weekStart) ?? -1;
    let channelLine = entry.channels.get(row.channel);
    if (!channelLine) entry.channels.set(row.channel, (channelLine = emptyLine(row.channel, weeks.length)));
    add(channelLine, index, row);
    add(entry.all, index, row);
    add(total, index, row);
  }
  const finish = (line: ContactReasonLine) => ({ ...line, change: changeOf(line.total, line.previous) });
  return {
    weeks,
    previous: previousPeriodKeys(period.from, period.to),
    categories: categories
      .map((category) => {
        const entry = byCategory.get(category.id)!;
        const channels = REPORT_CHANNELS.flatMap((channel) => {
          const line = entry.channels.get(channel);
          return line ? [finish(line)] : [];
        });
        return { category, all: finish(entry.all), channels };
      })
      .filter((row) => row.category.active || row.all.total > 0 || row.all.previous > 0),
    total: finish(total),
  };
}
