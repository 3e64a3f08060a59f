import { AppointmentClosedError, RuleInputError, assertNonNegativeInteger, assertValidDate } from "@/lib/calendar/errors";
import { type CalendarSettings, DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import {
  MAX_YEAR,
  MIN_YEAR,
  MINUTE_MS,
  civilOf,
  formatDateKey,
  localToUtc,
  parseDateKey,
  requireDateKey,
  wallClockOf,
} from "@/lib/calendar/local-time";
import type { Locale } from "@/lib/calendar/format";
import { workingCalendar } from "@/lib/calendar/working-calendar";

/*
 * Callback slots and attempts.
 *
 * - Slots on working days (Amsterdam): MORNING 10:00-11:00, AFTERNOON 14:00-16:00.
 * - Booking closes cutoffMinutes (30) before the slot starts: from 09:30 the morning slot can no
 *   longer be booked (09:29 still can).
 * - Horizon: today (Amsterdam date of `now`) plus the next horizonWorkingDays (10) working days;
 *   a later date is BEYOND_HORIZON.
 * - Capacity is per slot (per team: the caller passes the usage of the team it books for).
 */
export type SlotKind = "MORNING" | "AFTERNOON";

export const SLOT_KINDS: readonly SlotKind[] = ["MORNING", "AFTERNOON"];

const SLOT_MINUTES: Record<SlotKind, readonly [number, number]> = {
  MORNING: [10 * 60, 11 * 60],
  AFTERNOON: [14 * 60, 16 * 60],
};

export interface SlotSettings {
  readonly capacity: number;
  readonly cutoffMinutes: number;
  readonly horizonWorkingDays: number;
  readonly calendar: CalendarSettings;
}

export const DEFAULT_SLOT_SETTINGS: SlotSettings = Object.freeze({
  capacity: 8,
  cutoffMinutes: 30,
  horizonWorkingDays: 10,
  calendar: DEFAULT_CALENDAR_SETTINGS,
});

export type BookingRefusal =
  | "INVALID_SLOT"
  | "NOT_A_WORKING_DAY"
  | "SLOT_IN_PAST"
  | "BOOKING_CLOSED"
  | "BEYOND_HORIZON"
  | "SLOT_FULL";

export type BookingCheck = { ok: true } | { ok: false; reason: BookingRefusal };

export interface SlotOffer {
  date: string;
  kind: SlotKind;
  key: string;
  startsAt: Date;
  endsAt: Date;
  /** Places left (never below 0). */
  remaining: number;
  bookable: boolean;
  reason?: BookingRefusal;
}

function isSlotKind(kind: unknown): kind is SlotKind {
  return kind === "MORNING" || kind === "AFTERNOON";
}

/** "2026-04-27:MORNING"; the key used for capacity counts. */
export function slotKey(date: string, kind: SlotKind): string {
  requireDateKey(date);
  if (!isSlotKind(kind)) throw new RuleInputError("INVALID_SLOT", `unknown slot ${String(kind)}`);
  return `${date}:${kind}`;
}

function windowOf(dn: number, kind: SlotKind): { startsAt: number; endsAt: number } {
  const [start, end] = SLOT_MINUTES[kind];
  return { startsAt: localToUtc(dn, start), endsAt: localToUtc(dn, end) };
}

export function slotWindow(date: string, kind: SlotKind): { startsAt: Date; endsAt: Date } {
  slotKey(date, kind);
  const { startsAt, endsAt } = windowOf(requireDateKey(date), kind);
  return { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
}

function validateSettings(settings: SlotSettings): void {
  assertNonNegativeInteger(settings.capacity, "slot capacity", "INVALID_CAPACITY");
  assertNonNegativeInteger(settings.cutoffMinutes, "booking cut-off in minutes");
  assertNonNegativeInteger(settings.horizonWorkingDays, "horizon in working days");
}

function usedOf(capacityUsed: ReadonlyMap<string, number>, key: string): number {
  const used = capacityUsed.get(key) ?? 0;
  assertNonNegativeInteger(used, `capacity used for ${key}`, "INVALID_CAPACITY");
  return used;
}

/** The last bookable date (day number): today plus horizonWorkingDays working days. */
function horizonEnd(now: number, settings: SlotSettings): number {
  const calendar = workingCalendar(settings.calendar);
  return calendar.nthWorkingDayAfter(calendar.dayOf(now), settings.horizonWorkingDays);
}

/** Everything except capacity; dn must be a real date inside the calendar range. */
function refusalOf(
  dn: number,
  startsAt: number,
  now: number,
  lastDay: number,
  settings: SlotSettings,
): BookingRefusal | null {
  if (!workingCalendar(settings.calendar).isWorkingDay(dn)) return "NOT_A_WORKING_DAY";
  if (now >= startsAt) return "SLOT_IN_PAST";
  if (now >= startsAt - settings.cutoffMinutes * MINUTE_MS) return "BOOKING_CLOSED";
  if (dn > lastDay) return "BEYOND_HORIZON";
  return null;
}

export function checkBooking(
  date: string,
  kind: SlotKind,
  now: Date,
  capacityUsed: ReadonlyMap<string, number>,
  settings: SlotSettings = DEFAULT_SLOT_SETTINGS,
): BookingCheck {
  assertValidDate(now, "now");
  validateSettings(settings);
  const dn = parseDateKey(date);
  if (dn === null || !isSlotKind(kind)) return { ok: false, reason: "INVALID_SLOT" };
  const { year } = civilOf(dn);
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: "INVALID_SLOT" };
  const t = now.getTime();
  const refusal = refusalOf(dn, windowOf(dn, kind).startsAt, t, horizonEnd(t, settings), settings);
  if (refusal) return { ok: false, reason: refusal };
  if (usedOf(capacityUsed, `${date}:${kind}`) >= settings.capacity) return { ok: false, reason: "SLOT_FULL" };
  return { ok: true };
}

/**
 * Every slot from the Amsterdam date of `from` (not before today) to the end of the horizon, with
 * whether it can be booked and why not; past, closed and full slots are listed, never bookable.
 */
export function availableSlots(
  from: Date,
  now: Date,
  capacityUsed: ReadonlyMap<string, number>,
  settings: SlotSettings = DEFAULT_SLOT_SETTINGS,
): SlotOffer[] {
  assertValidDate(from, "from");
  assertValidDate(now, "now");
  validateSettings(settings);
  const calendar = workingCalendar(settings.calendar);
  const t = now.getTime();
  const today = calendar.dayOf(t);
  const last = horizonEnd(t, settings);
  const offers: SlotOffer[] = [];
  for (let dn = Math.max(today, wallClockOf(from.getTime()).dn); dn <= last; dn++) {
    if (!calendar.isWorkingDay(dn)) continue;
    const date = formatDateKey(dn);
    for (const kind of SLOT_KINDS) {
      const key = `${date}:${kind}`;
      const { startsAt, endsAt } = windowOf(dn, kind);
      const remaining = Math.max(0, settings.capacity - usedOf(capacityUsed, key));
      const reason = refusalOf(dn, startsAt, t, last, settings) ?? (remaining === 0 ? "SLOT_FULL" : undefined);
      const offer: SlotOffer = {
        date,
        kind,
        key,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        remaining,
        bookable: reason === undefined,
      };
      if (reason) offer.reason = reason;
      offers.push(offer);
    }
  }
  return offers;
}

export type AttemptOutcome = "REACHED" | "NO_ANSWER" | "VOICEMAIL" | "BUSY" | "WRONG_NUMBER";
export type AppointmentStatus = "DONE" | "PENDING" | "UNREACHABLE" | "WRONG_NUMBER";

const OUTCOMES: readonly AttemptOutcome[] = ["REACHED", "NO_ANSWER", "VOICEMAIL", "BUSY", "WRONG_NUMBER"];

function assertMax(maxUnsuccessful: number): void {
  if (!Number.isInteger(maxUnsuccessful) || maxUnsuccessful < 1) {
    throw new RuleInputError("INVALID_COUNT", "maxUnsuccessful must be a positive integer");
  }
}

/** The status an appointment has after these attempts, in order. */
export function appointmentStatus(outcomes: readonly AttemptOutcome[], maxUnsuccessful = 2): AppointmentStatus {
  assertMax(maxUnsuccessful);
  let unsuccessful = 0;
  for (const outcome of outcomes) {
    if (!OUTCOMES.includes(outcome)) throw new RuleInputError("INVALID_OUTCOME", `unknown attempt outcome ${String(outcome)}`);
    if (outcome === "REACHED") return "DONE";
    // A known wrong number is not dialled again: the attempts end at once.
    if (outcome === "WRONG_NUMBER") return "WRONG_NUMBER";
    if (++unsuccessful >= maxUnsuccessful) return "UNREACHABLE";
  }
  return "PENDING";
}

/**
 * Applies one attempt to a pending appointment. contactNoteDue is true exactly when this attempt
 * ends it UNREACHABLE or WRONG_NUMBER, so the contact note is written once. Attempts on an
 * appointment that has already ended throw AppointmentClosedError.
 */
export function applyAttempt(
  previousOutcomes: readonly AttemptOutcome[],
  outcome: AttemptOutcome,
  maxUnsuccessful = 2,
): { status: AppointmentStatus; contactNoteDue: boolean } {
  const before = appointmentStatus(previousOutcomes, maxUnsuccessful);
  if (before !== "PENDING") throw new AppointmentClosedError(before);
  const status = appointmentStatus([...previousOutcomes, outcome], maxUnsuccessful);
  return { status, contactNoteDue: status === "UNREACHABLE" || status === "WRONG_NUMBER" };
}

export interface AttemptTiming {
  /** Attempts are accepted from this many minutes before the slot starts. */
  readonly earlyMinutes: number;
  /** A further unsuccessful attempt comes at least this many minutes after the previous one. */
  readonly minIntervalMinutes: number;
}

export const DEFAULT_ATTEMPT_TIMING: AttemptTiming = Object.freeze({ earlyMinutes: 15, minIntervalMinutes: 10 });

export type AttemptTimeRefusal = "ATTEMPT_TOO_EARLY" | "ATTEMPT_TOO_SOON";

/**
 * May this attempt be logged now? Not before earlyMinutes before the slot starts (a call days
 * ahead is no callback in the booked slot); an attempt that counts towards "unreachable" not
 * within minIntervalMinutes of the previous one (two tries seconds apart are one try). REACHED
 * and WRONG_NUMBER end the appointment on a fact, so the interval does not hold them back. After
 * the slot has ended attempts stay possible: a late call is still a call.
 */
export function checkAttemptTime(input: {
  date: string;
  slot: SlotKind;
  outcome: AttemptOutcome;
  previousAttemptAt: Date | null;
  now: Date;
  timing?: AttemptTiming;
}): AttemptTimeRefusal | null {
  const timing = input.timing ?? DEFAULT_ATTEMPT_TIMING;
  assertValidDate(input.now, "now");
  assertNonNegativeInteger(timing.earlyMinutes, "attempt lead time in minutes");
  assertNonNegativeInteger(timing.minIntervalMinutes, "minimum interval between attempts in minutes");
  const { startsAt } = slotWindow(input.date, input.slot);
  const t = input.now.getTime();
  if (t < startsAt.getTime() - timing.earlyMinutes * MINUTE_MS) return "ATTEMPT_TOO_EARLY";
  const countsTowardsUnreachable = input.outcome !== "REACHED" && input.outcome !== "WRONG_NUMBER";
  if (countsTowardsUnreachable && input.previousAttemptAt) {
    assertValidDate(input.previousAttemptAt, "previousAttemptAt");
    if (t < input.previousAttemptAt.getTime() + timing.minIntervalMinutes * MINUTE_MS) return "ATTEMPT_TOO_SOON";
  }
  return null;
}

/** "10:00-11:00": the slot's hours, from the same table the windows are computed from. */
export function slotHours(kind: SlotKind): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const [start, end] = SLOT_MINUTES[kind];
  return `${hhmm(start)}-${hhmm(end)}`;
}

const SLOT_NAME: Record<Locale, Record<SlotKind, string>> = {
  nl: { MORNING: "ochtend", AFTERNOON: "middag" },
  en: { MORNING: "morning", AFTERNOON: "afternoon" },
};

/** "ochtend (10:00-11:00)": the one label of a slot, for every page and mail that names one. */
export function slotLabel(kind: SlotKind, locale: Locale = "nl"): string {
  if (!isSlotKind(kind)) throw new RuleInputError("INVALID_SLOT", `unknown slot ${String(kind)}`);
  return `${SLOT_NAME[locale === "en" ? "en" : "nl"][kind]} (${slotHours(kind)})`;
}

/** Moving or cancelling is allowed until the booking cut-off of the current slot. */
export function mayChangeAppointment(date: string, kind: SlotKind, now: Date, cutoffMinutes = DEFAULT_SLOT_SETTINGS.cutoffMinutes): boolean {
  const { startsAt } = slotWindow(date, kind);
  return now.getTime() < startsAt.getTime() - cutoffMinutes * MINUTE_MS;
}
