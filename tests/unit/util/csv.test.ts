import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "../../support/csv-reader";
import { CSV_BOM, csvCell, csvHeaders, csvLine, csvNumber, toCsv } from "@/lib/util/csv";

describe("the CSV every export writes (Dutch Excel)", () => {
  it("starts with a byte-order mark, separates with semicolons and ends every line with CRLF", () => {
    const csv = toCsv(["Kerncijfer", "Waarde"], [["Opgelost in eerste contact", 0.85], ["Klachten per 1000", 12.5]]);
    expect(csv).toBe("\uFEFFKerncijfer;Waarde\r\nOpgelost in eerste contact;0,85\r\nKlachten per 1000;12,5\r\n");
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    // No bare line feed anywhere: every line end is CRLF.
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes numbers with a decimal comma, at most four decimals, no thousands separator", () => {
    expect(csvNumber(0.85)).toBe("0,85");
    expect(csvNumber(12.5)).toBe("12,5");
    expect(csvNumber(0.123456)).toBe("0,1235");
    expect(csvNumber(1234567.5)).toBe("1234567,5");
    expect(csvNumber(100)).toBe("100");
    expect(csvNumber(0)).toBe("0");
    expect(csvNumber(-0.5)).toBe("-0,5");
    expect(csvNumber(-0.00001)).toBe("0");
    expect(csvNumber(1e-7)).toBe("0");
    expect(csvNumber(Number.NaN)).toBe("");
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe("");
  });

  it.each([
    ['say "hi"', '"say ""hi"""'],
    ["Loon; maart", '"Loon; maart"'],
    ["twee\r\nregels", '"twee\r\nregels"'],
    ["een\nregel", '"een\nregel"'],
    // A comma is text in a semicolon file: no quotes needed.
    ["a, b", "a, b"],
    ["Zoë Çelik", "Zoë Çelik"],
    ["", ""],
  ])("quotes %j as RFC 4180 asks: %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it.each([
    ["=HYPERLINK(\"http://evil.example\";\"klik\")", `"'=HYPERLINK(""http://evil.example"";""klik"")"`],
    ["+31612345678", "'+31612345678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r@SUM(A1)", `"'\r@SUM(A1)"`],
    ["gewoon = tekst", "gewoon = tekst"],
  ])("neutralises %j, which a spreadsheet would run as a formula", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("keeps numbers numbers (a negative number is not a formula) and empty values empty", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvLine(["a", 1.5, null, -2])).toBe("a;1,5;;-2\r\n");
  });

  it("reads back as the same cells, none of them a formula, whatever the text", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const csv = toCsv(["a"], rows);
        const back = readCsv(csv.slice(1)).slice(1);
        expect(back).toHaveLength(rows.length);
        rows.forEach((row, r) =>
          row.forEach((text, c) => {
            const cell = back[r]![c]!;
            expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
            // Only the leading apostrophe was added.
            expect(cell).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
          }),
        );
      }),
    );
  });

  it("sends the download as UTF-8 text/csv with its file name, never cached", () => {
    expect(csvHeaders("loket-kpi-summary-2026-10-01-2026-12-31.csv", { "X-Loket-Truncated": "true" })).toEqual({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="loket-kpi-summary-2026-10-01-2026-12-31.csv"',
      "Cache-Control": "no-store",
      "X-Loket-Truncated": "true",
    });
  });
});
