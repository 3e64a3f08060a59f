// Pure rules of beneficiary administration: who may be invited, merged, and what a merge keeps.
import type { MergeCounts } from "@/lib/beneficiaries/mutations";

export type BeneficiaryRefusal =
  | "USER_NOT_FOUND"
  | "EMAIL_IN_USE"
  | "CLIENT_NUMBER_TAKEN"
  | "ACCOUNT_INACTIVE"
  | "ALREADY_ACTIVE"
  | "ALREADY_MERGED"
  | "SAME_PERSON"
  | "NOT_A_BENEFICIARY"
  | "NO_EMAIL"
  | "EMAIL_NEEDED_FOR_PORTAL";

/** The field a refusal of a person's details is about: the forms and the API say it there. */
export const BENEFICIARY_REFUSAL_FIELDS: Readonly<Record<string, "email" | "clientNumber">> = {
  EMAIL_IN_USE: "email",
  CLIENT_NUMBER_TAKEN: "clientNumber",
  EMAIL_NEEDED_FOR_PORTAL: "email",
};

export interface AccountState {
  active: boolean;
  hasPassword: boolean;
  mergedIntoId: string | null;
  email: string | null;
}

/**
 * Whether staff may send a portal invitation. A merged account is gone (its survivor is invited);
 * a deactivated one must be reactivated first (deactivation is a decision, an invitation must not
 * undo it); an account with a password already uses the portal (it has "forgot password").
 */
export function inviteRefusal(account: AccountState): BeneficiaryRefusal | null {
  if (account.mergedIntoId) return "ALREADY_MERGED";
  if (!account.active) return "ACCOUNT_INACTIVE";
  if (account.hasPassword) return "ALREADY_ACTIVE";
  // The invitation is a mail: someone known only by post needs an address first.
  if (!account.email) return "NO_EMAIL";
  return null;
}

/** A person who logs in to the portal keeps an e-mail address: it is their login and where resets go. */
export function emailChangeRefusal(account: { hasPassword: boolean }, email: string | null): BeneficiaryRefusal | null {
  return account.hasPassword && email === null ? "EMAIL_NEEDED_FOR_PORTAL" : null;
}

interface MergeSide {
  id: string;
  role: string;
  mergedIntoId: string | null;
  erasedAt: Date | null;
}

/** Why B cannot be merged into A, or null. Either being merged already (or erased) ends it. */
export function mergeRefusal(survivor: MergeSide, duplicate: MergeSide): BeneficiaryRefusal | null {
  if (survivor.id === duplicate.id) return "SAME_PERSON";
  if (survivor.role !== "BENEFICIARY" || duplicate.role !== "BENEFICIARY") return "NOT_A_BENEFICIARY";
  if (survivor.mergedIntoId || duplicate.mergedIntoId || survivor.erasedAt || duplicate.erasedAt) return "ALREADY_MERGED";
  return null;
}

export interface ContactFields {
  email: string | null;
  phone: string | null;
  postalStreet: string | null;
  postalCode: string | null;
  postalCity: string | null;
}

/**
 * What the survivor takes over from the duplicate: an e-mail address or phone number it lacks, and the postal address
 * as a whole when it has none (three fields from two people would make an address nobody has).
 */
export function mergedContactFields(survivor: ContactFields, duplicate: ContactFields): Partial<ContactFields> {
  const fill: Partial<ContactFields> = {};
  // Someone known only by post who also made a portal account: the survivor takes its address (freed by the merge).
  if (!survivor.email && duplicate.email) fill.email = duplicate.email;
  if (!survivor.phone && duplicate.phone) fill.phone = duplicate.phone;
  const survivorHasAddress = Boolean(survivor.postalStreet || survivor.postalCode || survivor.postalCity);
  const duplicateHasAddress = Boolean(duplicate.postalStreet || duplicate.postalCode || duplicate.postalCity);
  if (!survivorHasAddress && duplicateHasAddress) {
    fill.postalStreet = duplicate.postalStreet;
    fill.postalCode = duplicate.postalCode;
    fill.postalCity = duplicate.postalCity;
  }
  return fill;
}

/** The address a merged account keeps: unique, undeliverable (.invalid, RFC 2606), freeing the real one. */
export function mergedEmail(userId: string): string {
  return `merged-${userId}@invalid`;
}

export const BENEFICIARIES_PAGE_SIZE = 25;
/** The list counts to here, then says "more than": counting a million accounts costs more than the page. */
export const BENEFICIARIES_COUNT_CAP = 1_000;

export function pageOf(raw: string | undefined): number {
  const n = Number.parseInt(raw ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}

const SUMMARY_KEYS = ["tickets", "appointments", "complaints", "calls", "contactNotes"] as const;

/** What the merge note names of what a merge moved: questions, appointments, complaints, calls and notes. */
export type MergeSummary = Pick<MergeCounts, (typeof SUMMARY_KEYS)[number]>;

/**
 * A merge ends on the survivor's page, where the merge panel that showed the outcome is gone: the
 * counts ride along in its URL as "3-1-0-2-0" and the page shows them.
 */
export function mergeSummaryParam(summary: MergeSummary): string {
  return SUMMARY_KEYS.map((key) => String(summary[key])).join("-");
}

/** The counts of `mergeSummaryParam`, or null for anything else a URL may carry. */
export function parseMergeSummary(value: string | undefined): MergeSummary | null {
  const match = /^(\d{1,7})-(\d{1,7})-(\d{1,7})-(\d{1,7})-(\d{1,7})$/.exec(value ?? "");
  if (!match) return null;
  return Object.fromEntries(SUMMARY_KEYS.map((key, index) => [key, Number(match[index + 1])])) as unknown as MergeSummary;
}
