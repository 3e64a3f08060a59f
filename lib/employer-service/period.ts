// The period an employer's service overview covers: Amsterdam calendar days from `van` to `tot`
// (both included), chosen freely or by a preset. Pure: every function takes `now`.
import { amsterdamDateKey } from "@/lib/calendar/local-time";
import { currentQuarter, periodFromKeys, periodSchema } from "@/lib/kpi/period";
import type { Period } from "@/lib/kpi/rules";

export const PERIOD_PRESETS = ["thisMonth", "lastMonth", "thisQuarter", "last12Months"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Longer periods are refused: the figures stay readable and the queries bounded (two years). */
export const MAX_PERIOD_DAYS = 731;

export type PeriodError = "INVALID_DATE" | "FROM_AFTER_TO" | "PERIOD_TOO_LONG";

export interface DateKeys {
  from: string;
  to: string;
}

const mm = (n: number) => String(n).padStart(2, "0");
const key = (d: Date) => d.toISOString().slice(0, 10);

/** The date keys of a preset, as seen on `now`'s Amsterdam calendar day. */
export function presetKeys(preset: PeriodPreset, now: Date): DateKeys {
  const today = amsterdamDateKey(now);
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  switch (preset) {
    case "thisMonth":
      return { from: `${year}-${mm(month)}-01`, to: key(new Date(Date.UTC(year, month, 0))) };
    case "lastMonth":
      return { from: key(new Date(Date.UTC(year, month - 2, 1))), to: key(new Date(Date.UTC(year, month - 1, 0))) };
    case "thisQuarter":
      return currentQuarter(now);
    case "last12Months":
      // Twelve months back to the day after: 2026-12-04 covers 2025-12-05 up to today.
      return { from: key(new Date(Date.UTC(year - 1, month - 1, day + 1))), to: today };
  }
}

/** The preset whose keys these are, if any (to mark the chosen one). */
export function presetOf(keys: DateKeys, now: Date): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const k = presetKeys(p, now);
    return k.from === keys.from && k.to === keys.to;
  }) ?? null;
}

export const DEFAULT_PRESET: PeriodPreset = "last12Months";

export type ParsedPeriod = { ok: true; keys: DateKeys; period: Period } | { ok: false; error: PeriodError; keys: DateKeys };

/**
 * The period in the query string; both absent: the default preset. One date absent, a date that
 * does not exist, `van` after `tot`, or more than two years: refused with a code the page explains.
 */
export function parsePeriod(params: { van?: string | null; tot?: string | null }, now: Date): ParsedPeriod {
  const from = params.van ?? "";
  const to = params.tot ?? "";
  if (!from && !to) {
    const keys = presetKeys(DEFAULT_PRESET, now);
    return { ok: true, keys, period: periodFromKeys(keys.from, keys.to) };
  }
  const keys = { from, to };
  const parsed = periodSchema.safeParse(keys);
  if (!parsed.success) {
    // zod may report the order check beside a bad date; a bad date is the one to fix first.
    const afterTo = parsed.error.issues.every((i) => i.message === "FROM_AFTER_TO");
    return { ok: false, error: afterTo ? "FROM_AFTER_TO" : "INVALID_DATE", keys };
  }
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) return { ok: false, error: "PERIOD_TOO_LONG", keys };
  return { ok: true, keys, period: periodFromKeys(from, to) };
}
