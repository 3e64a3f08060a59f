// The locale dates, times and numbers are written in. English is British English: the day before
// the month and a 24-hour clock ("7 Dec 2026, 14:00"), as the app's own date texts
// (lib/calendar/format.ts) and the slot labels write it, not the United States' "Dec 7, 2026, 2:00 PM".
export function intlLocaleOf(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}
