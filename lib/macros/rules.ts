// Pure macro rules: which placeholders a macro may use, how they are filled from a ticket, and how
// an unfilled one stays visible. No I/O; dates come in as values and are shown in Amsterdam time.
import { formatDate, formatFullDate, formatTime } from "@/lib/calendar/format";

export type PlaceholderKey = "name" | "number" | "due" | "callback";
export type MacroLocale = "nl" | "en";

/** Every name an agent may write between braces, Dutch first, with the value it stands for. */
export const PLACEHOLDER_NAMES: Readonly<Record<string, PlaceholderKey>> = Object.freeze({
  naam: "name",
  registratienummer: "number",
  uiterlijk: "due",
  terugbelmoment: "callback",
  name: "name",
  number: "number",
  due: "due",
  callback: "callback",
});

export const KNOWN_PLACEHOLDERS: readonly string[] = Object.keys(PLACEHOLDER_NAMES).map((n) => `{${n}}`);

// Anything between braces on one line counts as a placeholder, so a typo ({nam}) is caught at save
// time instead of reaching a customer as literal braces.
const BRACED = /\{([^{}\n]{0,40})\}/g;

function keyOf(raw: string): PlaceholderKey | undefined {
  const name = raw.trim().toLowerCase();
  return Object.hasOwn(PLACEHOLDER_NAMES, name) ? PLACEHOLDER_NAMES[name] : undefined;
}

/** The placeholders of a macro body that Loket does not know, as written, each once. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(BRACED)) if (!keyOf(match[1]!)) unknown.add(match[0]);
  return [...unknown];
}

export type PlaceholderValues = Partial<Record<PlaceholderKey, string | null>>;

/**
 * Fills the placeholders. One without a value on this ticket (no booked callback, no due date) is
 * left as "[terugbelmoment]" in the name the macro used: the agent sees what to fill in, and the
 * reply refuses to send while such a marker remains (unfilledMarkers), so nothing goes out blank.
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): { text: string; unfilled: string[] } {
  const unfilled = new Set<string>();
  const text = body.replace(BRACED, (whole, raw: string) => {
    const key = keyOf(raw);
    if (!key) return whole;
    const value = values[key]?.trim();
    if (value) return value;
    const marker = `[${raw.trim().toLowerCase()}]`;
    unfilled.add(marker);
    return marker;
  });
  return { text, unfilled: [...unfilled] };
}

const MARKERS = new RegExp(`\\[(${Object.keys(PLACEHOLDER_NAMES).join("|")})\\]`, "gi");

/** Markers of unfilled placeholders still in a reply ("[terugbelmoment]"), each once. */
export function unfilledMarkers(text: string): string[] {
  return [...new Set([...text.matchAll(MARKERS)].map((m) => m[0].toLowerCase()))];
}

/** {uiterlijk}: the answer due date as a Dutch reader writes it, "4 december 2026". */
export function formatDueDate(due: Date, locale: MacroLocale): string {
  return formatDate(due, locale);
}

/** {terugbelmoment}: "woensdag 25 november 2026 tussen 10:00 en 11:00 uur" (or its English twin). */
export function formatCallbackMoment(window: { startsAt: Date; endsAt: Date }, locale: MacroLocale): string {
  const day = formatFullDate(window.startsAt, locale);
  const from = formatTime(window.startsAt);
  const to = formatTime(window.endsAt);
  return locale === "nl" ? `${day} tussen ${from} en ${to} uur` : `${day} between ${from} and ${to}`;
}
