import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvInSteps, sniffDelimiter } from "@/lib/import/parse";
import {
  appendProblems,
  changedFields,
  checkLine,
  duplicateProblems,
  headerKey,
  mapHeader,
  normaliseEmail,
  normalisePostalCode,
  parseLanguage,
  parseOrganisationKind,
  parseRights,
  parseYesNo,
  PROBLEM_CAP,
  problemPage,
  type CheckedLine,
} from "@/lib/import/rules";

describe("reading the file", () => {
  it("sniffs ; and , from the first line, ignoring separators inside quotes", () => {
    expect(sniffDelimiter("klantnummer;naam;email\n1,2,3,4")).toBe(";");
    expect(sniffDelimiter('clientNumber,"naam; volledig",email')).toBe(",");
    expect(sniffDelimiter("\uFEFFa;b")).toBe(";");
  });

  it("strips a byte-order mark, skips empty lines and numbers lines as a spreadsheet shows them", () => {
    const parsed = parseCsv('\uFEFFklantnummer;naam\r\n\r\nK-1;"Piet\nJansen"\r\nK-2;Sara\r\n');
    expect(parsed).toEqual({
      ok: true,
      header: ["klantnummer", "naam"],
      headerLine: 1,
      lines: [
        { line: 3, cells: ["K-1", "Piet\nJansen"] },
        { line: 5, cells: ["K-2", "Sara"] },
      ],
    });
  });

  it("parsing in slices gives what parsing at once gives, wherever the slices cut (quotes, CRLF, BOM)", async () => {
    const files = [
      '\uFEFFklantnummer;naam\r\n\r\nK-1;"Piet\r\nJansen"\r\nK-2;"Sa;ra"\r\nK-3',
      'a,b\n"x, y","he said ""hi"""\n',
      "a;b\n1;2\n3;\"open\n",
      "a;b\n\n",
    ];
    for (const file of files) {
      for (const slice of [1, 2, 3, 7, 1024]) expect(await parseCsvInSteps(file, slice)).toEqual(parseCsv(file));
    }
  });

  it("keeps quoted separators and doubled quotes inside a field", () => {
    const parsed = parseCsv('a,b\n"x, y","he said ""hi"""\n');
    expect(parsed.ok && parsed.lines[0]!.cells).toEqual(["x, y", 'he said "hi"']);
  });

  it("reports an unclosed quote on its line, and a file without lines under the header as empty", () => {
    expect(parseCsv('a;b\n1;2\n3;"open\n')).toEqual({ ok: false, reason: "MALFORMED_CSV", line: 3 });
    expect(parseCsv("a;b\n\n")).toEqual({ ok: false, reason: "EMPTY_FILE", line: 1 });
  });
});

describe("header names", () => {
  it("accepts Dutch and English names whatever their case, spaces, dashes or accents", () => {
    expect(headerKey(" E-mail adres ")).toBe("emailadres");
    const map = mapHeader("BENEFICIARIES", ["Klant nummer", "Naam", "E-mail", "Telefoon", "Straat", "Postcode", "Plaats", "Taal"]);
    expect(map.problems).toEqual([]);
    expect(map.columns).toEqual({ clientNumber: 0, name: 1, email: 2, phone: 3, street: 4, postalCode: 5, city: 6, language: 7 });
    expect(mapHeader("BENEFICIARIES", ["clientNumber", "name", "email", "postal_code"]).columns).toMatchObject({ clientNumber: 0, name: 1, email: 2, postalCode: 3 });
  });

  it("names every missing required column on the header's line", () => {
    expect(mapHeader("EMPLOYER_CONTACTS", ["naam", "telefoon"], 1).problems).toEqual([
      { line: 1, field: "organisationNumber", reason: "MISSING_COLUMN" },
      { line: 1, field: "email", reason: "MISSING_COLUMN" },
    ]);
  });
});

describe("values", () => {
  it("e-mail addresses are lower-cased; anything without a proper domain is refused", () => {
    expect(normaliseEmail(" Piet.Jansen@Voorbeeld.NL ")).toBe("piet.jansen@voorbeeld.nl");
    for (const bad of ["piet", "piet@", "@x.nl", "piet@localhost", "piet jansen@x.nl", "a@b@c.nl", "piet@x..nl"]) expect(normaliseEmail(bad)).toBeNull();
  });

  it("Dutch postal codes: 1234 AB in any spacing and case; not starting with 0; not SA, SD or SS", () => {
    expect(normalisePostalCode("3511ab")).toBe("3511 AB");
    expect(normalisePostalCode(" 3511 AB ")).toBe("3511 AB");
    for (const bad of ["0123 AB", "351 AB", "3511 A", "3511-AB", "3511 SS", "3511 sa", "35111AB", "B-1000"]) expect(normalisePostalCode(bad)).toBeNull();
  });

  it("every well-formed postal code survives normalising twice unchanged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom(..."ABCDEFGHJKLMNPRTVWXZ"), fc.constantFrom(..."ABCDEFGHJKLMNPRTVWXZ"), fc.boolean(), (digits, a, b, space) => {
        const once = normalisePostalCode(`${digits}${space ? " " : ""}${a}${b}`.toLowerCase());
        expect(once).toBe(`${digits} ${a}${b}`);
        expect(normalisePostalCode(once!)).toBe(once);
      }),
    );
  });

  it("yes/no, kinds, languages and rights in Dutch and English", () => {
    expect([parseYesNo("Ja"), parseYesNo("no"), parseYesNo("1"), parseYesNo("misschien")]).toEqual([true, false, true, null]);
    expect([parseOrganisationKind("Werkgever"), parseOrganisationKind("PARTNER"), parseOrganisationKind("vereniging")]).toEqual(["EMPLOYER", "PARTNER", null]);
    expect([parseLanguage("Nederlands"), parseLanguage("EN"), parseLanguage("fr")]).toEqual(["nl", "en", null]);
    expect(parseRights("SUBMIT_REQUESTS|manage_users")).toEqual(["MANAGE_USERS", "SUBMIT_REQUESTS"]);
    expect(parseRights("gebruikers, verzoeken, gebruikers")).toEqual(["MANAGE_USERS", "SUBMIT_REQUESTS"]);
    expect(parseRights("ALLES")).toBeNull();
  });
});

describe("a line", () => {
  const map = mapHeader("BENEFICIARIES", ["klantnummer", "naam", "email", "postcode", "taal"]);

  it("becomes a row with normalised values; empty optional fields stay undefined", () => {
    expect(checkLine("BENEFICIARIES", map, { line: 2, cells: ["K-1", "  Piet   Jansen ", "PIET@X.NL", "1234ab", ""] })).toEqual({
      line: 2,
      row: { clientNumber: "K-1", name: "Piet Jansen", email: "piet@x.nl", postalCode: "1234 AB" },
      problems: [],
    });
  });

  it("lists every problem of a line at once, each with its field", () => {
    expect(checkLine("BENEFICIARIES", map, { line: 7, cells: ["", "Piet", "geen-mail", "12", "fr"] }).problems).toEqual([
      { line: 7, field: "clientNumber", reason: "MISSING_FIELD" },
      { line: 7, field: "email", reason: "BAD_EMAIL" },
      { line: 7, field: "postalCode", reason: "BAD_POSTAL_CODE" },
      { line: 7, field: "language", reason: "BAD_VALUE" },
    ]);
  });

  it("refuses a one-character name, as the forms do", () => {
    expect(checkLine("BENEFICIARIES", map, { line: 3, cells: ["K-2", " J ", "j@x.nl", "", ""] }).problems).toEqual([{ line: 3, field: "name", reason: "NAME_TOO_SHORT" }]);
    expect(checkLine("BENEFICIARIES", map, { line: 3, cells: ["K-2", "Jo", "j@x.nl", "", ""] }).problems).toEqual([]);
  });

  it("a wrong number of columns is one problem of the whole line", () => {
    expect(checkLine("BENEFICIARIES", map, { line: 4, cells: ["K-1", "Piet"] }).problems).toEqual([{ line: 4, field: null, reason: "COLUMN_COUNT" }]);
  });

  // The numbers an employer contact's eHerkenning login is checked against: as the organisation
  // form takes them, digits only, a KvK number padded to 8, an RSIN of 9 that passes the 11-test.
  it("reads an organisation's KvK number and RSIN as the organisation form does, and names a bad one", () => {
    const orgMap = mapHeader("ORGANISATIONS", ["Werkgeversnummer", "Naam", "KvK-nummer", "RSIN"]);
    expect(orgMap.columns).toMatchObject({ kvkNumber: 2, rsin: 3 });
    expect(checkLine("ORGANISATIONS", orgMap, { line: 2, cells: ["WG-1", "Xyz", "1234 5678", "002.417.583"] }).row).toEqual({
      externalNumber: "WG-1", name: "Xyz", kvkNumber: "12345678", rsin: "002417583",
    });
    // A KvK number that lost its leading zero in a spreadsheet is padded back.
    expect(checkLine("ORGANISATIONS", orgMap, { line: 3, cells: ["WG-1", "Xyz", "9012345", ""] }).row).toEqual({ externalNumber: "WG-1", name: "Xyz", kvkNumber: "09012345" });
    expect(checkLine("ORGANISATIONS", orgMap, { line: 4, cells: ["WG-1", "Xyz", "123456789", "002417584"] }).problems).toEqual([
      { line: 4, field: "kvkNumber", reason: "BAD_KVK_NUMBER" },
      { line: 4, field: "rsin", reason: "BAD_RSIN" },
    ]);
    expect(checkLine("ORGANISATIONS", orgMap, { line: 5, cells: ["WG-1", "Xyz", "KvK 1234", "abc"] }).problems.map((p) => p.reason)).toEqual(["BAD_KVK_NUMBER", "BAD_RSIN"]);
    expect(mapHeader("ORGANISATIONS", ["externalNumber", "name", "chamberOfCommerce", "rsin"]).columns).toMatchObject({ kvkNumber: 2, rsin: 3 });
  });

  it("an unknown organisation kind is its own reason", () => {
    const orgMap = mapHeader("ORGANISATIONS", ["werkgeversnummer", "naam", "soort"]);
    expect(checkLine("ORGANISATIONS", orgMap, { line: 3, cells: ["WG-1", "Xyz", "stichting"] }).problems).toEqual([{ line: 3, field: "kind", reason: "UNKNOWN_KIND" }]);
  });
});

describe("duplicates within the file", () => {
  const map = mapHeader("BENEFICIARIES", ["klantnummer", "naam", "email"]);
  const lines = (rows: string[][]) => rows.map((cells, i) => checkLine("BENEFICIARIES", map, { line: i + 2, cells })) as CheckedLine<never>[];

  it("flags every line sharing a client number or an e-mail address, case-insensitively", () => {
    const problems = duplicateProblems("BENEFICIARIES", lines([["K-1", "Ann", "a@x.nl"], ["k-1", "Bob", "b@x.nl"], ["K-3", "Cor", "A@X.NL"], ["K-4", "Dirk", "d@x.nl"]]));
    expect(Object.fromEntries(problems)).toEqual({
      2: [{ line: 2, field: "clientNumber", reason: "DUPLICATE_IN_FILE" }, { line: 2, field: "email", reason: "DUPLICATE_IN_FILE" }],
      3: [{ line: 3, field: "clientNumber", reason: "DUPLICATE_IN_FILE" }],
      4: [{ line: 4, field: "email", reason: "DUPLICATE_IN_FILE" }],
    });
  });

  it("employer contacts repeat only within the same organisation", () => {
    const contactMap = mapHeader("EMPLOYER_CONTACTS", ["werkgeversnummer", "email", "naam"]);
    const checked = [["WG-1", "a@x.nl", "Ann"], ["WG-2", "a@x.nl", "Ann"], ["WG-1", "A@x.nl", "Ann"]].map((cells, i) => checkLine("EMPLOYER_CONTACTS", contactMap, { line: i + 2, cells }));
    expect([...duplicateProblems("EMPLOYER_CONTACTS", checked).keys()]).toEqual([2, 4]);
  });
});

describe("bookkeeping", () => {
  it("keeps at most PROBLEM_CAP problems", () => {
    const many = Array.from({ length: PROBLEM_CAP + 10 }, (_, i) => ({ line: i + 2, field: null, reason: "COLUMN_COUNT" as const }));
    const kept = appendProblems(appendProblems([], many.slice(0, 5)), many.slice(5));
    expect(kept).toHaveLength(PROBLEM_CAP);
    expect(kept[PROBLEM_CAP - 1]!.line).toBe(PROBLEM_CAP + 1);
  });

  it("pages problems, clamping a page number out of range", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(problemPage(items, 3)).toEqual({ items: items.slice(100), page: 3, pages: 3 });
    expect(problemPage(items, 99).page).toBe(3);
    expect(problemPage(items, Number.NaN).page).toBe(1);
    expect(problemPage([], 1)).toEqual({ items: [], page: 1, pages: 1 });
  });

  it("an update holds only the fields the file gave that differ", () => {
    expect(changedFields({ name: "A", phone: "1", rights: ["MANAGE_USERS"] }, { name: "A", phone: undefined, rights: ["MANAGE_USERS", "SUBMIT_REQUESTS"] })).toEqual({ rights: ["MANAGE_USERS", "SUBMIT_REQUESTS"] });
    expect(changedFields({ name: "A", postalCode: null }, { name: "A", postalCode: undefined })).toEqual({});
  });
});
