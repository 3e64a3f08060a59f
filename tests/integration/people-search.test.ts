// The people searches (lib/people/search.ts) read the trigram indexes instead of every account.
// Each is checked against an account kept in JavaScript, over every account of the demo and a set
// of odd ones: the same people found, in the database's name order, for texts of every kind (part
// of a name in any case, the start of a word, a client number, a phone number typed with spaces,
// an organisation's name and number, LIKE's own signs, a typographic quote), and none out of scope.
import { beforeAll, describe, expect, it } from "vitest";
import { searchBeneficiaries } from "@/lib/beneficiaries/queries";
import { BENEFICIARIES_COUNT_CAP } from "@/lib/beneficiaries/rules";
import { db } from "@/lib/db/client";
import { WORD_START_BELOW } from "@/lib/db/text-match";
import { searchCallers } from "@/lib/phone/queries";
import { searchPeople } from "@/lib/privacy/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

interface Person {
  id: string;
  name: string;
  email: string | null;
  clientNumber: string | null;
  phone: string | null;
  role: string;
  erasedAt: Date | null;
  mergedIntoId: string | null;
  organisations: { name: string; externalNumber: string }[];
}

let people: Person[] = [];

beforeAll(async () => {
  await seedDemo(now);
  const org = await db.organisation.create({ data: { name: "Bakkerij Zonneveld & Zn.", externalNumber: "WG-777001" } });
  const odd = [
    { name: "Joke de Jong", email: "joke.dejong@mail.example", clientNumber: "K-900001", phone: "06 1234 5678" },
    { name: "Johan Jansen", email: "j.jansen@mail.example", clientNumber: "K-900002", phone: "0612345678" },
    { name: "Marjolein Jansen-Bos", email: "m_jansen@mail.example", clientNumber: "K-900003", phone: null },
    { name: "Percy 50% Korting", email: "axb@mail.example", clientNumber: "K-900004", phone: "+31 6 9876 5432" },
    { name: "Zoë “Zus” Zuiderduin", email: "zoe@mail.example", clientNumber: null, phone: null },
    { name: "Back\\Slash", email: "a_b@mail.example", clientNumber: "K-900005", phone: null },
  ];
  for (const person of odd) await db.user.create({ data: { ...person, role: "BENEFICIARY", passwordHash: "x" } });
  const contact = await db.user.create({ data: { name: "Ed Werkgever", email: "ed@zonneveld.example", role: "EMPLOYER_CONTACT", passwordHash: "x" } });
  await db.membership.create({ data: { userId: contact.id, organisationId: org.id } });
  // Out of every scope but the audit reader's: staff; out of the beneficiaries list: erased, merged.
  await db.user.create({ data: { name: "Jan Jansen (medewerker)", email: "jan.jansen@loket.example", role: "CASE_HANDLER", passwordHash: "x" } });
  const kept = await db.user.findFirstOrThrow({ where: { email: "j.jansen@mail.example" } });
  await db.user.create({ data: { name: "Jansen Samengevoegd", email: "merged-jansen@invalid", role: "BENEFICIARY", passwordHash: "x", mergedIntoId: kept.id } });
  await db.user.create({ data: { name: "Jansen Gewist", email: "erased-jansen@invalid", role: "BENEFICIARY", passwordHash: "x", erasedAt: now } });
  people = (
    await db.user.findMany({ include: { memberships: { include: { organisation: true } } } })
  ).map((u) => ({ ...u, organisations: u.memberships.map((m) => m.organisation) }));
});

// ───────────────────────────── the account kept in JavaScript ─────────────────────────────

const BOUNDARY = String.raw`(^|[ \n\r\t.,;:!?()<>{}\[\]/\\|_@'"&+*#=~%$^\x60-])`;

/** As lib/db/text-match.ts reads a text: contains, or below three characters the start of a word. */
function holds(value: string | null, q: string): boolean {
  const text = q.trim().toLowerCase();
  const field = (value ?? "").toLowerCase();
  if (text.length >= WORD_START_BELOW) return field.includes(text);
  return new RegExp(BOUNDARY + text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).test(field);
}

// Signs alone name nobody.
const names = (q: string) => /[\p{L}\p{N}]/u.test(q);

/** A client number typed without its signs ("k900001", "K 900 002"): the same letters and digits. */
function byPlainClientNumber(p: Person, q: string): boolean {
  const plain = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
  const typed = plain(q);
  return /^[A-Za-z0-9 ./-]+$/.test(q.trim()) && typed.length >= 4 && /[0-9]/.test(typed) && p.clientNumber !== null && plain(p.clientNumber) === typed;
}

function own(p: Person, q: string): boolean {
  return names(q) && (holds(p.name, q) || holds(p.email, q) || holds(p.clientNumber, q) || byPlainClientNumber(p, q));
}

function byPhone(p: Person, q: string): boolean {
  const typed = q.trim().replace(/[\s()-]/g, "");
  if (!/^\+?\d{3,}$/.test(typed)) return false;
  // Typed as dialled from abroad (+31, 0031): also the number as dialled here, 0 and the rest.
  const national = /^(\+|00)31\d{5,}$/.test(typed) ? `0${typed.replace(/^(\+|00)31/, "").replace(/^0/, "")}` : null;
  return [typed.replace(/^\+/, ""), national].some((digits) => digits !== null && (p.phone ?? "").includes(digits));
}

const byOrganisation = (p: Person, q: string) => names(q) && p.organisations.some((o) => holds(o.name, q) || holds(o.externalNumber, q));

/** The ids in the database's own name order (its collation, not JavaScript's). */
async function inNameOrder(ids: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ANY(${ids}::text[]) ORDER BY name, id`;
  return rows.map((row) => row.id);
}

const CUSTOMERS = ["BENEFICIARY", "EMPLOYER_CONTACT"];

const TEXTS = ["example", "jansen", "JANSEN", "ans", "Jo", "j", "k-9000", "k900001", "K 900 002", "k900", "0612", "06 12", "(06) 1234-5678", "+316", "+31 6 1234 5678", "0031 (0)6 12345678", "zonneveld", "wg-777", "& zn", "50%", "a_b", "back\\", "“z", "zz", "nobody-has-this", ",", "--", "@."];

describe("people searches, against an account kept in JavaScript", () => {
  it("the phone desk finds callers by name, address, client number, phone number and organisation, ten by name", async () => {
    const met = { some: 0, phone: 0, organisation: 0, many: 0, plainClientNumber: 0 };
    for (const q of TEXTS) {
      // One letter is not searched for: too many callers have it.
      const expected = q.trim().length < 2 ? [] : people.filter((p) => CUSTOMERS.includes(p.role) && (own(p, q) || byPhone(p, q) || byOrganisation(p, q)));
      const found = (await searchCallers(q)).map((p) => p.id);
      expect(found, q).toEqual((await inNameOrder(expected.map((p) => p.id))).slice(0, 10));
      if (expected.length > 0) met.some += 1;
      if (expected.some((p) => byPhone(p, q) && !own(p, q))) met.phone += 1;
      if (expected.some((p) => byOrganisation(p, q) && !own(p, q))) met.organisation += 1;
      if (expected.length > 10) met.many += 1;
      if (expected.some((p) => byPlainClientNumber(p, q) && !holds(p.clientNumber, q))) met.plainClientNumber += 1;
    }
    // Every way of matching was met, and a text found more than a page.
    expect(Object.values(met).every((n) => n > 0), JSON.stringify(met)).toBe(true);
    expect(await searchCallers(" j ")).toEqual([]);
  });

  it("the beneficiaries list finds beneficiaries only, not merged or erased ones, counted, 25 a page", async () => {
    const admin = await sessionFor("admin@loket.example");
    for (const q of [...TEXTS, ""]) {
      const expected = people.filter((p) => p.role === "BENEFICIARY" && !p.erasedAt && !p.mergedIntoId && (q.trim() === "" || own(p, q)));
      const ordered = await inNameOrder(expected.map((p) => p.id));
      const result = await searchBeneficiaries(admin, q, 1, now);
      expect(result.rows.map((r) => r.id), q).toEqual(ordered.slice(0, 25));
      expect({ total: result.total, capped: result.capped }, q).toEqual({ total: expected.length, capped: false });
      if (expected.length > 25) expect((await searchBeneficiaries(admin, q, 2, now)).rows.map((r) => r.id), q).toEqual(ordered.slice(25, 50));
    }
  });

  it("the privacy desk finds customers, not staff, 25 by name", async () => {
    const admin = await sessionFor("admin@loket.example");
    for (const q of TEXTS.filter((text) => text.trim().length >= 2)) {
      const expected = people.filter((p) => CUSTOMERS.includes(p.role) && own(p, q));
      expect((await searchPeople(admin, q)).map((p) => p.id), q).toEqual((await inNameOrder(expected.map((p) => p.id))).slice(0, 25));
    }
  });

  it("the beneficiaries list counts to its cap, then says more, and pages on", async () => {
    const admin = await sessionFor("admin@loket.example");
    const many = BENEFICIARIES_COUNT_CAP + 5;
    await db.user.createMany({
      data: Array.from({ length: many }, (_, i) => ({ name: `Kapper ${String(i).padStart(4, "0")}`, email: `kapper${i}@mail.example`, role: "BENEFICIARY" as const, passwordHash: "x" })),
    });
    const searched = await searchBeneficiaries(admin, "kapper", 1, now);
    expect({ total: searched.total, capped: searched.capped }).toEqual({ total: BENEFICIARIES_COUNT_CAP, capped: true });
    expect(searched.rows.map((r) => r.name)).toEqual(Array.from({ length: 25 }, (_, i) => `Kapper ${String(i).padStart(4, "0")}`));
    // Past the cap the pages go on: the last one holds the last five.
    const last = await searchBeneficiaries(admin, "kapper", Math.ceil(many / 25), now);
    expect(last.rows.map((r) => r.name)).toEqual(Array.from({ length: 5 }, (_, i) => `Kapper ${String(BENEFICIARIES_COUNT_CAP + i).padStart(4, "0")}`));
    const everyone = await searchBeneficiaries(admin, "", 1, now);
    expect({ total: everyone.total, capped: everyone.capped }).toEqual({ total: BENEFICIARIES_COUNT_CAP, capped: true });
  });
});
