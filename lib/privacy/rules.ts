// Pure privacy rules: the retention classes, their default and minimum terms, when something has
// expired, and why an erasure request must wait. No I/O; `now` comes in as a value.
import { TZDate } from "@date-fns/tz";
import { subMonths } from "date-fns";

const ZONE = "Europe/Amsterdam";

export const RETENTION_CLASSES = ["tickets", "calls", "outbox", "inbound", "notifications", "audit"] as const;
export type RetentionClass = (typeof RETENTION_CLASSES)[number];

/** What the sweep does with an expired row of the class (fixed per class: the form shows it). */
export const RETENTION_EFFECT: Readonly<Record<RetentionClass, "ANONYMISE" | "DELETE">> = Object.freeze({
  tickets: "ANONYMISE",
  calls: "ANONYMISE",
  outbox: "ANONYMISE",
  inbound: "DELETE",
  notifications: "DELETE",
  audit: "DELETE",
});

export type TermUnit = "MONTHS" | "YEARS";
export interface RetentionTerm {
  amount: number;
  unit: TermUnit;
}
export type RetentionSettings = Record<RetentionClass, RetentionTerm>;

export const DEFAULT_RETENTION: Readonly<RetentionSettings> = Object.freeze({
  tickets: { amount: 2, unit: "YEARS" },
  calls: { amount: 1, unit: "YEARS" },
  outbox: { amount: 3, unit: "MONTHS" },
  inbound: { amount: 3, unit: "MONTHS" },
  notifications: { amount: 6, unit: "MONTHS" },
  audit: { amount: 5, unit: "YEARS" },
});

/**
 * The shortest term an admin may set, in months: audit events are the evidence of what happened
 * (a year at least); a ticket must outlive the complaint terms that may still refer to it.
 */
export const MINIMUM_MONTHS: Readonly<Record<RetentionClass, number>> = Object.freeze({
  tickets: 6,
  calls: 3,
  outbox: 1,
  inbound: 1,
  notifications: 1,
  audit: 12,
});
export const MAXIMUM_MONTHS = 30 * 12;

export function termMonths(term: RetentionTerm): number {
  return term.unit === "YEARS" ? term.amount * 12 : term.amount;
}

/** Why a term is not acceptable for its class, or null. */
export function termProblem(cls: RetentionClass, term: RetentionTerm): "TERM_TOO_SHORT" | "TERM_TOO_LONG" | null {
  const months = termMonths(term);
  if (months < MINIMUM_MONTHS[cls]) return "TERM_TOO_SHORT";
  if (months > MAXIMUM_MONTHS) return "TERM_TOO_LONG";
  return null;
}

/**
 * The instant before which a row of the class has expired: the same wall-clock time in Amsterdam,
 * the term's months earlier (so a term crossing a DST change still ends at the same local time;
 * 31 March minus one month is 28/29 February, as date-fns clamps the day).
 */
export function retentionCutoff(term: RetentionTerm, now: Date): Date {
  return new Date(subMonths(new TZDate(now.getTime(), ZONE), termMonths(term)).getTime());
}

/** Whether a row whose clock started at `since` (closing, sending, receipt, creation) has expired. */
export function isExpired(since: Date | null, term: RetentionTerm, now: Date): boolean {
  return since !== null && since.getTime() < retentionCutoff(term, now).getTime();
}

/** Each class's cutoff for one sweep. */
export function cutoffs(settings: RetentionSettings, now: Date): Record<RetentionClass, Date> {
  return Object.fromEntries(RETENTION_CLASSES.map((cls) => [cls, retentionCutoff(settings[cls], now)])) as Record<RetentionClass, Date>;
}

// ───────────────────────────── erasure ─────────────────────────────

export const ERASED_NAME = "Verwijderde persoon";
export function erasedEmail(userId: string): string {
  return `erased-${userId}@invalid`;
}
/** What stays of an anonymised subject, message body or free text (Dutch first, English second). */
export const ANONYMISED_TEXT = "[Geanonimiseerd volgens de bewaartermijn / Anonymised under the retention policy]";
/** The same after an erasure request (AVG art. 17): whoever reads the record later sees why it is empty. */
export const ERASED_TEXT = "[Gewist op verzoek van de persoon (AVG) / Erased at the person's request (GDPR)]";
/** Why a text was removed, and what stays of it. */
export type RemovalReason = "retention" | "erasure";
export const removedText = (why: RemovalReason) => (why === "erasure" ? ERASED_TEXT : ANONYMISED_TEXT);
/** The address an anonymised outbox row keeps (the envelope says nothing about the person). */
export const ANONYMISED_ADDRESS = "anonymised@invalid";

/** Roles whose accounts belong to customers: only those are erased (staff accounts are deactivated). */
export const ERASABLE_ROLES: ReadonlySet<string> = new Set(["BENEFICIARY", "EMPLOYER_CONTACT"]);

export interface OpenWork {
  /** Registration numbers of tickets not yet resolved. */
  tickets: string[];
  /** Registration numbers (or ids) of complaints still open. */
  complaints: string[];
  /** Dates of booked callback appointments ("yyyy-MM-dd MORNING"). */
  callbacks: string[];
}

export type ErasureRefusal = "STAFF_ACCOUNT" | "ALREADY_ERASED" | "LEGAL_HOLD" | "OPEN_TICKETS";

/** Why a person cannot be erased now, in the order the admin should hear it, or null. */
export function erasureRefusal(person: { role: string; erasedAt: Date | null }, held: boolean, open: OpenWork): ErasureRefusal | null {
  if (!ERASABLE_ROLES.has(person.role)) return "STAFF_ACCOUNT";
  if (person.erasedAt) return "ALREADY_ERASED";
  if (held) return "LEGAL_HOLD";
  if (open.tickets.length + open.complaints.length + open.callbacks.length > 0) return "OPEN_TICKETS";
  return null;
}

/** Keys of a ticket event's data that may hold free text typed by a person. */
export const FREE_TEXT_KEY_LIST = ["reason", "note", "body", "comment", "text", "summary", "forWhom", "outcome", "name", "email", "phone"] as const;
const FREE_TEXT_KEYS: ReadonlySet<string> = new Set(FREE_TEXT_KEY_LIST);
/** Machine values under those keys that are not personal (the auto-close sweep's reason), and what an earlier removal left. */
export const MACHINE_TEXTS = ["auto-close", ANONYMISED_TEXT, ERASED_TEXT] as const;

/** An event's data with its free text replaced; null when there was none (nothing to write). */
export function anonymisedEventData(data: unknown, why: RemovalReason = "retention"): Record<string, unknown> | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (FREE_TEXT_KEYS.has(key) && typeof value === "string" && !(MACHINE_TEXTS as readonly string[]).includes(value)) {
      out[key] = removedText(why);
      changed = true;
    } else out[key] = value;
  }
  return changed ? out : null;
}
