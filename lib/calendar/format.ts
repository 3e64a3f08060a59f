import { civilOf, isoWeekdayOf } from "@/lib/calendar/local-time";

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

/** A moment as date and Amsterdam clock time for running text (Intl, long month), optionally with the weekday. */
export function formatAmsterdamDateTime(at: Date, locale: Locale, options: { weekday?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nl-NL", {
    timeZone: "Europe/Amsterdam",
    ...(options.weekday ? { weekday: "long" as const } : {}),
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}
