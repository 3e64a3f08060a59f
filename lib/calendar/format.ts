import { civilOf, formatClock, isoWeekdayOf, MINUTE_MS, parseDateKey, wallClockOf } from "@/lib/calendar/local-time";

/** The two interface languages; Dutch first. */
export type Locale = "nl" | "en";

const WEEKDAYS: Record<Locale, readonly string[]> = {
  nl: ["", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
  en: ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

const MONTHS: Record<Locale, readonly string[]> = {
  nl: ["", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "dinsdag" / "Tuesday" for a day number (lower case in Dutch, as in running text). */
export function weekdayName(dn: number, locale: Locale): string {
  return WEEKDAYS[locale][isoWeekdayOf(dn)] as string;
}

/** "5 januari" / "5 January". */
export function formatDayMonth(dn: number, locale: Locale): string {
  const { month, day } = civilOf(dn);
  return `${day} ${MONTHS[locale][month]}`;
}

/** "27 april 2026" / "27 April 2026". */
export function formatLongDate(dn: number, locale: Locale): string {
  return `${formatDayMonth(dn, locale)} ${civilOf(dn).year}`;
}

/** A locale string from anywhere ("en", "en-GB", null) to one of ours; Dutch unless it is English. */
export function toFormatLocale(locale: string | null | undefined): Locale {
  return locale?.toLowerCase().startsWith("en") ? "en" : "nl";
}

const SHORT_MONTHS: Record<Locale, readonly string[]> = {
  nl: ["", "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  en: ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

// Every date and time shown to people goes through the functions below: one format in pages, mails,
// letters and exports, always in Amsterdam time whatever zone the server runs in. Built by hand
// rather than with Intl, so Node and the browser can never disagree about a word or a comma.

/** "3 december 2026" for a "yyyy-MM-dd" date key; the key itself if it is not a real date. */
export function formatDateKeyLong(key: string, locale: Locale): string {
  const dn = parseDateKey(key);
  return dn === null ? key : formatLongDate(dn, locale);
}

/** "donderdag 3 december" / "Thursday 3 December": the Amsterdam date of a moment in the coming weeks (no year). */
export function formatWeekdayDayMonth(at: Date, locale: Locale): string {
  const { dn } = wallClockOf(at.getTime());
  return `${weekdayName(dn, locale)} ${formatDayMonth(dn, locale)}`;
}

/** "woensdag 25 november 2026" / "Wednesday 25 November 2026": the Amsterdam date of a moment with its weekday. */
export function formatFullDate(at: Date, locale: Locale): string {
  const { dn } = wallClockOf(at.getTime());
  return `${weekdayName(dn, locale)} ${formatLongDate(dn, locale)}`;
}

/** "14:05": the Amsterdam clock time of a moment. */
export function formatTime(at: Date): string {
  return formatClock(Math.floor(wallClockOf(at.getTime()).msOfDay / MINUTE_MS));
}

/** "3 december 2026": the Amsterdam date of a moment. */
export function formatDate(at: Date, locale: Locale): string {
  return formatLongDate(wallClockOf(at.getTime()).dn, locale);
}

/**
 * A moment for running text and mails: "3 december 2026 om 14:05" / "3 December 2026, 14:05";
 * with the weekday "donderdag 3 december 2026 om 14:05" / "Thursday 3 December 2026, 14:05".
 */
export function formatDateTime(at: Date, locale: Locale, options: { weekday?: boolean } = {}): string {
  const date = options.weekday ? formatFullDate(at, locale) : formatDate(at, locale);
  return locale === "en" ? `${date}, ${formatTime(at)}` : `${date} om ${formatTime(at)}`;
}

/** "3 dec 2026": a date in a table, where a long month does not fit. */
export function formatShortDate(at: Date, locale: Locale): string {
  const { year, month, day } = civilOf(wallClockOf(at.getTime()).dn);
  return `${day} ${SHORT_MONTHS[locale][month]} ${year}`;
}

/** "3 dec 2026, 14:05" / "3 Dec 2026, 14:05": a moment in a table. */
export function formatShortDateTime(at: Date, locale: Locale): string {
  return `${formatShortDate(at, locale)}, ${formatTime(at)}`;
}
