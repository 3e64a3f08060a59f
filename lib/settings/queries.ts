import "server-only";
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from "@/lib/calendar/rules";
import { DEFAULT_OPENING_HOURS, type LineKey, type WeeklySchedule } from "@/lib/calendar/opening-hours";
import type { Db, Tx } from "@/lib/db/client";
import type { SqlTx } from "@/lib/db/sql";
import { cachedReference } from "@/lib/reference/cache";
import { DEFAULT_SLA_POLICIES, type SlaPolicy } from "@/lib/sla/rules";
import { ownValue } from "@/lib/util/own-key";

/** Settings are read through whichever client the caller holds: inside a transaction, its `tx`. */
export type DbClient = Db | Tx;

// The reference data every new ticket reads (settings, calendar, policies, lines) loads with raw
// statements, so it loads in any transaction, a raw one too (the mail intake's, lib/db/sql.ts).

const yearlyRule = z.enum(["NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"]);
const calendarSetting = z.object({
  goodFriday: yearlyRule.default(DEFAULT_CALENDAR_SETTINGS.goodFriday),
  liberationDay: yearlyRule.default(DEFAULT_CALENDAR_SETTINGS.liberationDay),
});

/** A setting's stored JSON as the reference cache holds it (null when there is no row). */
export function settingRow(client: SqlTx, key: string): Promise<{ value: Prisma.JsonValue } | null> {
  return cachedReference(client, `setting:${key}`, async (c) => {
    const [row] = await c.$queryRaw<{ value: Prisma.JsonValue }[]>`SELECT "value" FROM "Setting" WHERE "key" = ${key}`;
    return row ?? null;
  });
}

/**
 * A JSON setting parsed with its schema; a missing or malformed row yields the fallback. The
 * stored value comes from the reference cache (lib/reference/cache.ts): current on every call.
 */
export async function getSettingValue<T>(client: SqlTx, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const row = await settingRow(client, key);
  if (!row) return fallback;
  const parsed = schema.safeParse(row.value);
  if (!parsed.success) {
    console.error(`[settings] "${key}" is malformed; using the default`);
    return fallback;
  }
  return parsed.data;
}

export function getCalendarSettings(client: SqlTx): Promise<CalendarSettings> {
  return cachedReference(client, "calendar", loadCalendarSettings);
}

async function loadCalendarSettings(client: SqlTx): Promise<CalendarSettings> {
  const [rules, closures] = await Promise.all([
    getSettingValue(client, "calendar", calendarSetting, {
      goodFriday: DEFAULT_CALENDAR_SETTINGS.goodFriday,
      liberationDay: DEFAULT_CALENDAR_SETTINGS.liberationDay,
    }),
    client.$queryRaw<{ date: string }[]>`SELECT "date" FROM "ClosureDay" ORDER BY "date"`,
  ]);
  return canonical({ ...rules, closureDays: closures.map((c) => c.date) });
}

// The calendar rules cache their day tables per settings object, so equal settings should be
// the same object across requests; a handful of distinct values exist at any time.
const calendarCache = new Map<string, CalendarSettings>();
function canonical(settings: CalendarSettings): CalendarSettings {
  const key = JSON.stringify(settings);
  const known = calendarCache.get(key);
  if (known) return known;
  if (calendarCache.size > 50) calendarCache.clear();
  const frozen = Object.freeze({ ...settings, closureDays: Object.freeze([...settings.closureDays]) });
  calendarCache.set(key, frozen);
  return frozen;
}

/** Every SLA policy by key, each OPENING_HOURS one with its line's calendar (shared: read-only). */
export function getSlaPolicies(client: SqlTx): Promise<Readonly<Record<string, SlaPolicy>>> {
  return cachedReference(client, "slaPolicies", loadSlaPolicies);
}

async function loadSlaPolicies(client: SqlTx): Promise<Readonly<Record<string, SlaPolicy>>> {
  const rows = await client.$queryRaw<Pick<SlaPolicy, "key" | "unit" | "amount" | "atRiskShare" | "lineKey">[]>`
    SELECT "key", "unit"::text AS "unit", "amount", "atRiskShare", "lineKey" FROM "SlaPolicy"`;
  const policies: Record<string, SlaPolicy> = { ...DEFAULT_SLA_POLICIES };
  for (const row of rows) {
    policies[row.key] = { key: row.key, unit: row.unit, amount: row.amount, atRiskShare: row.atRiskShare, lineKey: row.lineKey };
  }
  // OPENING_HOURS clocks count their line's hours and closure days: resolve each line once, so every
  // caller of computeClock with these policies gets the real schedule.
  const lineKeys = [...new Set(Object.values(policies).flatMap((p) => (p.unit === "OPENING_HOURS" && p.lineKey ? [p.lineKey] : [])))];
  const lines = new Map(await Promise.all(lineKeys.map(async (key) => [key, await getLineCalendar(client, key)] as const)));
  for (const [key, policy] of Object.entries(policies)) {
    const line = policy.unit === "OPENING_HOURS" && policy.lineKey ? lines.get(policy.lineKey) : undefined;
    if (line) policies[key] = { ...policy, line };
  }
  return Object.freeze(policies);
}

/** Every line's weekly schedule, by ContactLine key (DESIGN's defaults for an unconfigured fixed line). */
export function getOpeningHours(client: DbClient): Promise<Readonly<Record<LineKey, WeeklySchedule>>> {
  return cachedReference(client, "openingHours", loadOpeningHours);
}

async function loadOpeningHours(client: DbClient): Promise<Readonly<Record<LineKey, WeeklySchedule>>> {
  const [lines, rows] = await Promise.all([
    client.contactLine.findMany({ select: { key: true } }),
    client.openingHours.findMany({ orderBy: [{ weekday: "asc" }, { opens: "asc" }] }),
  ]);
  const result: Record<LineKey, WeeklySchedule> = {};
  for (const { key } of lines) result[key] = scheduleFromRows(key, rows.filter((r) => r.line === key));
  return Object.freeze(result);
}

/** A line's weekly schedule (DESIGN's defaults for the two fixed lines when unconfigured). */
export function getLineSchedule(client: SqlTx, lineKey: string): Promise<WeeklySchedule> {
  return cachedReference(client, `lineSchedule:${lineKey}`, (c) => loadLineSchedule(c, lineKey));
}

async function loadLineSchedule(client: SqlTx, lineKey: string): Promise<WeeklySchedule> {
  const rows = await client.$queryRaw<{ weekday: number; opens: string; closes: string }[]>`
    SELECT "weekday", "opens", "closes" FROM "OpeningHours" WHERE "line" = ${lineKey} ORDER BY "weekday", "opens"`;
  return scheduleFromRows(lineKey, rows);
}

/** Rows of one line, ordered by weekday and opening time, as a schedule. */
export function scheduleFromRows(lineKey: string, rows: readonly { weekday: number; opens: string; closes: string }[]): WeeklySchedule {
  if (rows.length === 0) return ownValue(DEFAULT_OPENING_HOURS, lineKey) ?? CLOSED_WEEK;
  const schedule = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } as Record<1 | 2 | 3 | 4 | 5 | 6 | 7, { open: string; close: string }[]>;
  for (const row of rows) schedule[row.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7]?.push({ open: row.opens, close: row.closes });
  return schedule;
}

const CLOSED_WEEK: WeeklySchedule = Object.freeze({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] });

/** The contact centre's calendar plus the days only this line is closed (the same object for equal input). */
export function withLineClosures(base: CalendarSettings, ownDates: readonly string[]): CalendarSettings {
  if (ownDates.length === 0) return base;
  return canonical({ ...base, closureDays: [...new Set([...base.closureDays, ...ownDates])].sort() });
}

/**
 * The calendar of one line: holidays and the contact centre's closure days, plus the days only this
 * line is closed. Use it with the line's schedule for "open now" and for OPENING_HOURS clocks.
 */
export function getLineCalendar(client: SqlTx, lineKey: string): Promise<{ schedule: WeeklySchedule; settings: CalendarSettings }> {
  return cachedReference(client, `lineCalendar:${lineKey}`, async (c) => {
    // One after another: inside a transaction the client is one connection.
    const base = await loadCalendarSettings(c);
    const own = await c.$queryRaw<{ date: string }[]>`SELECT "date" FROM "LineClosureDay" WHERE "lineKey" = ${lineKey}`;
    const schedule = await loadLineSchedule(c, lineKey);
    return Object.freeze({ schedule, settings: withLineClosures(base, own.map((d) => d.date)) });
  });
}
