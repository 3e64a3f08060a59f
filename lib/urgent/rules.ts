// Pure rules of urgent requests: the employer's countdown, recognising an urgent mail, when a
// phone pre-announcement expires, and the call that confirms an unannounced mail. No I/O.
import { RuleInputError, assertValidDate } from "@/lib/calendar/errors";
import { type Locale, formatDayMonth, weekdayName } from "@/lib/calendar/format";
import { holidayDayNumbers } from "@/lib/calendar/holidays";
import { MINUTE_MS, civilOf, formatClock, isoWeekdayOf, localToUtc, parseClock, wallClockOf } from "@/lib/calendar/local-time";
import type { IsoWeekday } from "@/lib/calendar/opening-hours";
import type { LineCalendar } from "@/lib/sla/opening-time";

export interface Countdown {
  /** Milliseconds left; negative when overdue. */
  remainingMs: number;
  overdue: boolean;
  hours: number;
  minutes: number;
}

/** What the employer's countdown shows at `now`: hours and minutes left (or over). */
export function countdown(dueAt: Date, now: Date): Countdown {
  const remainingMs = dueAt.getTime() - now.getTime();
  const abs = Math.abs(remainingMs);
  const totalMinutes = Math.floor(abs / 60_000);
  return { remainingMs, overdue: remainingMs < 0, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** The ticket's first message: the written confirmation with the reason and for whom. */
export function urgentBody(input: { reason: string; forWhom: string; details: string }, labels: { reason: string; forWhom: string }): string {
  const parts = [`${labels.reason}: ${input.reason}`, `${labels.forWhom}: ${input.forWhom}`];
  if (input.details) parts.push("", input.details);
  return parts.join("\n");
}

// ─── Recognising an urgent mail by its subject (issue 18, item 3) ───

/** Words that make a mail subject urgent, unless a negation stands right before them. */
export const DEFAULT_URGENT_WORDS: readonly string[] = Object.freeze(["spoed", "spoedverzoek", "spoedeisend", "urgent", "dringend"]);

/** "geen spoed", "niet dringend", "niet urgent": the sender says it is not urgent. */
const NEGATIONS = new Set(["geen", "niet", "no", "not"]);

/** Lower case, accents dropped ("dríngend" = "dringend"), split into words of letters and digits. */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether a subject asks for urgency: one of the words (or multi-word phrases) of the list, as
 * whole words ("spoedig" is not "spoed"), not preceded by a negation. Linear in the subject.
 */
export function isUrgentSubject(subject: string, words: readonly string[] = DEFAULT_URGENT_WORDS): boolean {
  const tokens = wordsOf(subject);
  const phrases = words.map(wordsOf).filter((p) => p.length > 0);
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && NEGATIONS.has(tokens[i - 1] as string)) continue;
    for (const phrase of phrases) {
      if (phrase.every((w, k) => tokens[i + k] === w)) return true;
    }
  }
  return false;
}

/** The admin's word list, cleaned: one entry per line or comma, trimmed, de-duplicated. */
export type UrgentWordsRefusal = "REQUIRED" | "TOO_MANY" | "INVALID_WORD" | "NEGATION_WORD";

export function parseUrgentWords(text: string): { ok: true; words: string[] } | { ok: false; reason: UrgentWordsRefusal; word?: string } {
  const entries = text.split(/[\n,;]+/).map((w) => w.trim().replace(/\s+/g, " ")).filter((w) => w.length > 0);
  if (entries.length === 0) return { ok: false, reason: "REQUIRED" };
  const words: string[] = [];
  for (const entry of entries) {
    if (entry.length < 3 || entry.length > 40 || !/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(entry)) return { ok: false, reason: "INVALID_WORD", word: entry };
    if (wordsOf(entry).some((w) => NEGATIONS.has(w))) return { ok: false, reason: "NEGATION_WORD", word: entry };
    const key = wordsOf(entry).join(" ");
    if (!words.some((w) => wordsOf(w).join(" ") === key)) words.push(entry.toLowerCase());
  }
  if (words.length > 30) return { ok: false, reason: "TOO_MANY" };
  return { ok: true, words };
}

// ─── Pre-announcement expiry (item 4) ───

/**
 * When a phone pre-announcement stops matching mails: the closing time of the line on the n-th
 * day after the call on which the line is open (default n = 1: end of the next working day of the
 * employer line). Holidays and closure days are skipped because the line is closed then.
 */
export function preAnnouncementExpiry(loggedAt: Date, line: LineCalendar, openDays = 1): Date {
  assertValidDate(loggedAt, "loggedAt");
  let dn = wallClockOf(loggedAt.getTime()).dn;
  for (let found = 0, scanned = 0; scanned < 400; scanned++) {
    dn++;
    const holidays = holidayDayNumbers(civilOf(dn).year, line.settings);
    const intervals = line.schedule[isoWeekdayOf(dn) as IsoWeekday] ?? [];
    if (holidays.has(dn) || intervals.length === 0) continue;
    if (++found === openDays) return new Date(localToUtc(dn, parseClock((intervals[intervals.length - 1] as { close: string }).close, true)));
  }
  throw new RuleInputError("INVALID_SCHEDULE", "the line does not open within a year");
}

/** Whether an open pre-announcement may still pair with a mail received at `receivedAt`. */
export function announcementMatches(a: { createdAt: Date; expiresAt: Date | null }, receivedAt: Date): boolean {
  return a.createdAt.getTime() <= receivedAt.getTime() && (a.expiresAt === null || a.expiresAt.getTime() > receivedAt.getTime());
}

// ─── The call to confirm an unannounced urgent mail (item 1) ───

export type VerificationState = "PENDING" | "CONFIRMED" | "NOT_URGENT" | "NOT_REACHED";
export type VerificationOutcome = "CONFIRMED" | "NOT_URGENT" | "NOT_REACHED";

/** The task is open while nobody confirmed or denied it; NOT_REACHED keeps it open for another try. */
export function verificationOpen(state: VerificationState | null): boolean {
  return state === "PENDING" || state === "NOT_REACHED";
}

/** "uiterlijk maandag 7 december 15:00" / "by Monday 7 December 15:00", in Dutch time. */
export function deadlinePhrase(dueAt: Date, locale: Locale): string {
  assertValidDate(dueAt, "dueAt");
  const { dn, msOfDay } = wallClockOf(dueAt.getTime());
  const text = `${weekdayName(dn, locale)} ${formatDayMonth(dn, locale)} ${formatClock(Math.floor(msOfDay / MINUTE_MS))}`;
  return locale === "nl" ? `uiterlijk ${text}` : `by ${text}`;
}
