import "server-only";
import type { Channel } from "@prisma/client";
import { describeOpening, isOpen, type Locale, type WeeklySchedule } from "@/lib/calendar/opening-hours";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { type ClosedDay, upcomingClosedDays } from "@/lib/portal/closures";
import { type DbClient, getCalendarSettings, getLineCalendar, scheduleFromRows, withLineClosures } from "@/lib/settings/queries";
import { type LineAudience, lineShownTo } from "./rules";

export interface ContactLineView {
  key: string;
  name: string;
  phone: string;
  channels: Channel[];
  schedule: WeeklySchedule;
  open: boolean;
  /** "Nu open tot 17:00" / "Opent morgen om 09:00". */
  status: string;
  /** Holidays, the centre's closure days and the line's own, from today on. */
  closedDays: ClosedDay[];
}

/**
 * The active lines a portal shows (its audience's and those for both), each with its hours, whether
 * it is open now and its coming closed days. Public configuration: the same for every visitor.
 */
export async function listContactLines(client: DbClient, portal: LineAudience, now: Date, locale: Locale): Promise<ContactLineView[]> {
  const today = amsterdamDateKey(now);
  const [lines, base, globalClosures] = await Promise.all([
    client.contactLine.findMany({
      where: { active: true },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      include: { hours: { orderBy: [{ weekday: "asc" }, { opens: "asc" }] }, closures: { orderBy: { date: "asc" } } },
    }),
    getCalendarSettings(client),
    client.closureDay.findMany({ where: { date: { gte: today } }, orderBy: { date: "asc" } }),
  ]);
  return lines
    .filter((line) => lineShownTo(line.audience, portal))
    .map((line) => {
      // The same schedule and calendar getLineCalendar gives, read for all lines at once.
      const schedule = scheduleFromRows(line.key, line.hours);
      const settings = withLineClosures(base, line.closures.map((c) => c.date));
      const own = line.closures.filter((c) => c.date >= today).map((c) => ({ date: c.date, reasonNl: c.reasonNl, reasonEn: c.reasonEn }));
      return {
        key: line.key,
        name: locale === "en" ? line.nameEn : line.nameNl,
        phone: line.phone,
        channels: line.channels,
        schedule,
        open: isOpen(schedule, now, settings),
        status: describeOpening(schedule, now, settings, locale),
        closedDays: upcomingClosedDays(today, settings, [...globalClosures, ...own], (weekday) => (schedule[weekday as keyof WeeklySchedule]?.length ?? 0) > 0),
      };
    });
}

/** Whether one line is open at `now` (its hours, holidays, the centre's and its own closure days). */
export async function isLineOpenAt(client: DbClient, lineKey: string, now: Date): Promise<boolean> {
  const { schedule, settings } = await getLineCalendar(client, lineKey);
  return isOpen(schedule, now, settings);
}

/** Every line with its week and coming own closure days, for the admin page. */
export async function listLinesForAdmin(client: DbClient, now: Date) {
  const today = amsterdamDateKey(now);
  const lines = await client.contactLine.findMany({
    orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    include: {
      hours: { orderBy: [{ weekday: "asc" }, { opens: "asc" }] },
      closures: { where: { date: { gte: today } }, orderBy: { date: "asc" } },
      _count: { select: { slaPolicies: true } },
    },
  });
  return lines.map(({ hours, closures, _count, ...line }) => ({
    ...line,
    schedule: scheduleFromRows(line.key, hours),
    closures: closures.map((c) => ({ date: c.date, reasonNl: c.reasonNl, reasonEn: c.reasonEn })),
    usedBySla: _count.slaPolicies > 0,
  }));
}
