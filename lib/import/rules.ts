// The import's pure rules: which header names mean which field, how each cell is checked, and which
// keys repeat within a file. No I/O: the runner (lib/import/runner.ts) adds what the database knows.
import type { Locale, OrganisationKind, OrganisationRight } from "@prisma/client";
import { clientNumberKey } from "@/lib/people/client-number";
import { normaliseIdentifier, passesElevenTest } from "@/lib/sso/rules";

export const IMPORT_KINDS = ["ORGANISATIONS", "EMPLOYER_CONTACTS", "BENEFICIARIES"] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export const IMPORT_REASONS = [
  "MISSING_COLUMN",
  "MISSING_FIELD",
  "BAD_EMAIL",
  "NAME_TOO_SHORT",
  "BAD_POSTAL_CODE",
  "BAD_VALUE",
  "UNKNOWN_KIND",
  "BAD_KVK_NUMBER",
  "BAD_RSIN",
  "UNKNOWN_ORGANISATION",
  "UNKNOWN_CSM",
  "DUPLICATE_IN_FILE",
  "EMAIL_IN_USE",
  "COLUMN_COUNT",
  "LAST_MANAGER",
  "MALFORMED_CSV",
  "EMPTY_FILE",
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

/** One problem of one line: `field` is null for the line as a whole (e.g. its column count). */
export interface ImportProblem {
  line: number;
  field: string | null;
  reason: ImportReason;
}

// ───────────────────────────── columns ─────────────────────────────

interface FieldSpec {
  required: boolean;
  /** Header names as exports write them, compared after `headerKey`. */
  names: string[];
}

const STREET = { required: false, names: ["straat", "adres", "straatenhuisnummer", "postadres", "street", "address", "postalstreet"] };
const POSTAL = { required: false, names: ["postcode", "postalcode", "zipcode", "zip"] };
const CITY = { required: false, names: ["plaats", "woonplaats", "vestigingsplaats", "city", "town", "postalcity"] };
const EMAIL = { required: true, names: ["email", "emailadres", "mail", "emailaddress"] };
const NAME = { required: true, names: ["naam", "name", "volledigenaam", "fullname"] };
const PHONE = { required: false, names: ["telefoon", "telefoonnummer", "tel", "mobiel", "phone", "phonenumber", "telephone"] };
const EMPLOYER_NUMBER = ["werkgeversnummer", "werkgevernummer", "organisatienummer", "relatienummer", "externnummer", "externalnumber", "organisationnumber", "employernumber"];

export const FIELDS: Record<ImportKindName, Record<string, FieldSpec>> = {
  ORGANISATIONS: {
    externalNumber: { required: true, names: [...EMPLOYER_NUMBER, "nummer", "number"] },
    name: { required: true, names: [...NAME.names, "organisatienaam", "bedrijfsnaam", "organisationname"] },
    kind: { required: false, names: ["soort", "type", "kind", "organisatiesoort"] },
    isPartner: { required: false, names: ["ketenpartner", "chainpartner", "partner", "ispartner"] },
    csmEmail: { required: false, names: ["csm", "csmemail", "customersuccessmanager", "customersuccessmanageremail", "accountmanager"] },
    // The numbers an employer contact's eHerkenning login is checked against (lib/sso/login.ts).
    kvkNumber: { required: false, names: ["kvk", "kvknummer", "kvknr", "kamervankoophandel", "kvknumber", "chamberofcommerce", "cocnumber"] },
    rsin: { required: false, names: ["rsin", "rsinnummer", "rsinnumber"] },
    street: STREET,
    postalCode: POSTAL,
    city: CITY,
  },
  EMPLOYER_CONTACTS: {
    organisationNumber: { required: true, names: EMPLOYER_NUMBER },
    email: EMAIL,
    name: NAME,
    rights: { required: false, names: ["rechten", "rights", "permissions"] },
    phone: PHONE,
  },
  BENEFICIARIES: {
    clientNumber: { required: true, names: ["klantnummer", "klantnr", "clientnumber", "clientnr", "deelnemersnummer", "customernumber"] },
    name: NAME,
    // Someone who writes letters may have none: answered by post; an empty cell keeps a stored address.
    email: { ...EMAIL, required: false },
    phone: PHONE,
    street: STREET,
    postalCode: POSTAL,
    city: CITY,
    language: { required: false, names: ["taal", "voorkeurstaal", "language", "locale"] },
  },
};

/** "E-mailadres", "client_number", "Klant nummer" → "emailadres", "clientnumber", "klantnummer". */
export function headerKey(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export interface ColumnMap {
  /** field → index of its column */
  columns: Record<string, number>;
  width: number;
  problems: ImportProblem[];
}

/** Matches the header line to the kind's fields; a required field without a column is a problem on line 1. */
export function mapHeader(kind: ImportKindName, header: string[], headerLine = 1): ColumnMap {
  const keys = header.map(headerKey);
  const columns: Record<string, number> = {};
  const problems: ImportProblem[] = [];
  for (const [field, spec] of Object.entries(FIELDS[kind])) {
    const index = keys.findIndex((key) => spec.names.includes(key));
    if (index >= 0) columns[field] = index;
    else if (spec.required) problems.push({ line: headerLine, field, reason: "MISSING_COLUMN" });
  }
  return { columns, width: header.length, problems };
}

// ───────────────────────────── values ─────────────────────────────

// Practical, not RFC 5322: one @, a dot in the domain, no spaces; what the login accepts.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return EMAIL_PATTERN.test(email) && email.length <= 254 ? email : null;
}

/** A Dutch postal code as "1234 AB": four digits not starting with 0, two letters other than SA, SD, SS. */
export function normalisePostalCode(raw: string): string | null {
  const match = /^([1-9][0-9]{3})\s?([a-zA-Z]{2})$/.exec(raw.trim());
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (["SA", "SD", "SS"].includes(letters)) return null;
  return `${match[1]} ${letters}`;
}

const YES = ["ja", "j", "yes", "y", "true", "waar", "1", "x"];
const NO = ["nee", "n", "no", "false", "onwaar", "0"];

export function parseYesNo(raw: string): boolean | null {
  const value = raw.trim().toLowerCase();
  if (YES.includes(value)) return true;
  if (NO.includes(value)) return false;
  return null;
}

const KINDS: Record<string, OrganisationKind> = { employer: "EMPLOYER", werkgever: "EMPLOYER", partner: "PARTNER", ketenpartner: "PARTNER", gemeente: "PARTNER" };

export function parseOrganisationKind(raw: string): OrganisationKind | null {
  return KINDS[headerKey(raw)] ?? null;
}

const LANGUAGES: Record<string, Locale> = { nl: "nl", nld: "nl", dut: "nl", nederlands: "nl", dutch: "nl", en: "en", eng: "en", engels: "en", english: "en" };

export function parseLanguage(raw: string): Locale | null {
  return LANGUAGES[headerKey(raw)] ?? null;
}

const RIGHTS: Record<string, OrganisationRight> = {
  manageusers: "MANAGE_USERS",
  users: "MANAGE_USERS",
  gebruikers: "MANAGE_USERS",
  gebruikersbeheren: "MANAGE_USERS",
  manageemployees: "MANAGE_EMPLOYEES",
  employees: "MANAGE_EMPLOYEES",
  werknemers: "MANAGE_EMPLOYEES",
  werknemersbeheren: "MANAGE_EMPLOYEES",
  submitrequests: "SUBMIT_REQUESTS",
  requests: "SUBMIT_REQUESTS",
  verzoeken: "SUBMIT_REQUESTS",
  aanvragen: "SUBMIT_REQUESTS",
  verzoekenindienen: "SUBMIT_REQUESTS",
};

/** "MANAGE_USERS|SUBMIT_REQUESTS", "gebruikers, verzoeken": a set in a fixed order; null if one is unknown. */
export function parseRights(raw: string): OrganisationRight[] | null {
  const parts = raw.split(/[|,;/+]/).map((p) => p.trim()).filter(Boolean);
  const rights = new Set<OrganisationRight>();
  for (const part of parts) {
    const right = RIGHTS[headerKey(part)];
    if (!right) return null;
    rights.add(right);
  }
  return (["MANAGE_USERS", "MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"] as const).filter((r) => rights.has(r));
}

// ───────────────────────────── rows ─────────────────────────────

/** Optional fields left empty are `undefined`: the import then leaves what Loket holds as it is. */
export interface OrganisationRow {
  externalNumber: string;
  name: string;
  kind?: OrganisationKind;
  isPartner?: boolean;
  csmEmail?: string;
  kvkNumber?: string;
  rsin?: string;
  street?: string;
  postalCode?: string;
  city?: string;
}

export interface ContactRow {
  organisationNumber: string;
  email: string;
  name: string;
  rights?: OrganisationRight[];
  phone?: string;
}

export interface BeneficiaryRow {
  clientNumber: string;
  name: string;
  email?: string;
  phone?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  language?: Locale;
}

export type RowOf<K extends ImportKindName> = K extends "ORGANISATIONS" ? OrganisationRow : K extends "EMPLOYER_CONTACTS" ? ContactRow : BeneficiaryRow;

export interface CsvLine {
  line: number;
  cells: string[];
}

export type CheckedLine<R> = { line: number; row: R; problems: [] } | { line: number; row: null; problems: ImportProblem[] };

const MAX_TEXT = 200;

/**
 * Reads one line into a row, or lists every problem of it. A line with the wrong number of
 * columns is one problem: its cells cannot be trusted to be in their columns.
 */
export function checkLine<K extends ImportKindName>(kind: K, map: ColumnMap, input: CsvLine): CheckedLine<RowOf<K>> {
  if (input.cells.length !== map.width) return { line: input.line, row: null, problems: [{ line: input.line, field: null, reason: "COLUMN_COUNT" }] };
  const problems: ImportProblem[] = [];
  const problem = (field: string, reason: ImportReason) => problems.push({ line: input.line, field, reason });
  const row: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(FIELDS[kind])) {
    const index = map.columns[field];
    const raw = index === undefined ? "" : (input.cells[index] ?? "").trim();
    if (raw === "") {
      if (spec.required) problem(field, "MISSING_FIELD");
      continue;
    }
    const value = readValue(field, raw);
    if (value instanceof Refused) problem(field, value.reason);
    else row[field] = value;
  }
  if (problems.length > 0) return { line: input.line, row: null, problems };
  return { line: input.line, row: row as unknown as RowOf<K>, problems: [] };
}

class Refused {
  constructor(readonly reason: ImportReason) {}
}

function readValue(field: string, raw: string): unknown {
  // As the forms take a name: at least two characters ("J" is a typing slip, not a person); then as any text.
  if (field === "name" && raw.length < 2) return new Refused("NAME_TOO_SHORT");
  switch (field) {
    case "email":
    case "csmEmail":
      return normaliseEmail(raw) ?? new Refused("BAD_EMAIL");
    case "postalCode":
      return normalisePostalCode(raw) ?? new Refused("BAD_POSTAL_CODE");
    case "kind":
      return parseOrganisationKind(raw) ?? new Refused("UNKNOWN_KIND");
    // As the organisation form takes them: digits, padded to their length; the RSIN's check digit checked.
    case "kvkNumber":
      return normaliseIdentifier("kvk", raw) ?? new Refused("BAD_KVK_NUMBER");
    case "rsin": {
      const rsin = normaliseIdentifier("rsin", raw);
      return rsin && passesElevenTest(rsin) ? rsin : new Refused("BAD_RSIN");
    }
    case "isPartner":
      return parseYesNo(raw) ?? new Refused("BAD_VALUE");
    case "language":
      return parseLanguage(raw) ?? new Refused("BAD_VALUE");
    case "rights":
      return parseRights(raw) ?? new Refused("BAD_VALUE");
    case "phone":
      return /^[+0-9 ()-]{6,20}$/.test(raw) ? raw : new Refused("BAD_VALUE");
    default:
      return raw.length <= MAX_TEXT ? raw.replace(/\s+/g, " ") : new Refused("BAD_VALUE");
  }
}

/** The keys a line must not share with another line of the same file. */
export function keysOf(kind: ImportKindName, row: OrganisationRow | ContactRow | BeneficiaryRow): { field: string; key: string }[] {
  if (kind === "ORGANISATIONS") return [{ field: "externalNumber", key: (row as OrganisationRow).externalNumber.toLowerCase() }];
  if (kind === "EMPLOYER_CONTACTS") {
    const contact = row as ContactRow;
    return [{ field: "email", key: `${contact.organisationNumber.toLowerCase()}\u0000${contact.email}` }];
  }
  const person = row as BeneficiaryRow;
  return [
    // One number in any spelling ("K-100231", "k100231"), as the searches and the forms read it.
    { field: "clientNumber", key: clientNumberKey(person.clientNumber) },
    ...(person.email ? [{ field: "email", key: person.email }] : []),
  ];
}

/**
 * Every line whose key another line of the file has too, as a problem: neither is applied, as the
 * file does not say which one is right. Lines that already failed their own checks are not counted.
 */
export function duplicateProblems(kind: ImportKindName, lines: readonly CheckedLine<OrganisationRow | ContactRow | BeneficiaryRow>[]): Map<number, ImportProblem[]> {
  const seen = new Map<string, number[]>();
  for (const checked of lines) {
    if (!checked.row) continue;
    for (const { field, key } of keysOf(kind, checked.row)) {
      const id = `${field}\u0001${key}`;
      const list = seen.get(id);
      if (list) list.push(checked.line);
      else seen.set(id, [checked.line]);
    }
  }
  const problems = new Map<number, ImportProblem[]>();
  for (const [id, lineNumbers] of seen) {
    if (lineNumbers.length < 2) continue;
    const field = id.slice(0, id.indexOf("\u0001"));
    for (const line of lineNumbers) {
      const list = problems.get(line) ?? [];
      if (!list.some((p) => p.field === field)) list.push({ line, field, reason: "DUPLICATE_IN_FILE" });
      problems.set(line, list);
    }
  }
  return problems;
}

/** How many problems a job keeps to show; problemCount has the full number. */
export const PROBLEM_CAP = 2_000;

export function appendProblems(kept: ImportProblem[], more: readonly ImportProblem[]): ImportProblem[] {
  if (kept.length >= PROBLEM_CAP || more.length === 0) return kept;
  return [...kept, ...more.slice(0, PROBLEM_CAP - kept.length)];
}

/** A page of problems, 1-based page numbers, clamped to what exists. */
export function problemPage<T>(problems: readonly T[], page: number, size = 50): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(problems.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: problems.slice((current - 1) * size, current * size), page: current, pages };
}

/** Which stored values a row changes: only fields the file gave; the result is the update's data. */
export function changedFields<T extends Record<string, unknown>>(current: Record<string, unknown>, wanted: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const now = current[key];
    const same = Array.isArray(value) && Array.isArray(now) ? value.length === now.length && value.every((v, i) => v === now[i]) : now === value;
    if (!same) (changes as Record<string, unknown>)[key] = value;
  }
  return changes;
}
