import fc from "fast-check";
import { PDFFont } from "pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderLetterPdf, wrap } from "@/lib/letters/pdf";
import { pdfPages } from "../../support/pdf-text";

// Hole 9 of issue 13: one 20,000-character word in a letter reply kept the server at 100% CPU for
// 24 minutes. These tests bound the WORK (measurements and measured characters), not the clock,
// and stop a runaway implementation by throwing once the budget is spent.

class BudgetSpent extends Error {}

/** A "fits" predicate (at most `max` characters) that counts its calls and the characters it measured. */
function countingFits(max: number, budget: number) {
  const counter = { calls: 0, chars: 0 };
  const fits = (line: string) => {
    counter.calls += 1;
    counter.chars += line.length;
    if (counter.calls > budget) throw new BudgetSpent(`more than ${budget} measurements`);
    return line.length <= max;
  };
  return { fits, counter };
}

const word = (length: number) => "abcdefghijklmnopqrstuvwxyz0123456789".repeat(Math.ceil(length / 36)).slice(0, length);

describe("breaking a word longer than a line", () => {
  it("wraps a 20,000-character word with at most 4 measurements per character, keeping every character", () => {
    const long = word(20_000);
    const { fits, counter } = countingFits(80, 4 * long.length);
    const lines = wrap(`Zie ${long} hier`, fits);
    expect(counter.calls).toBeLessThanOrEqual(4 * long.length);
    // 20,000 = 250 full lines of 80; "hier" no longer fits after the last piece.
    expect(lines).toHaveLength(252);
    expect([lines[0], lines.at(-1)]).toEqual(["Zie", "hier"]);
    expect(lines.slice(1, -1).every((l) => l.length === 80)).toBe(true);
    // Compared as a boolean: a failing diff of two 20,000-character strings is unreadable.
    expect(lines.slice(1, -1).join("") === long).toBe(true);
  });

  it("measures about twice the characters for a word twice as long (linear, not quadratic)", () => {
    const measured = (length: number) => {
      const { fits, counter } = countingFits(80, 4 * length);
      wrap(word(length), fits);
      return counter.chars;
    };
    const single = measured(10_000);
    const double = measured(20_000);
    expect(double / single).toBeGreaterThan(1.8);
    expect(double / single).toBeLessThan(2.2);
    // Each character is measured a bounded number of times, whatever the word's length.
    expect(double).toBeLessThanOrEqual(25 * 20_000);
  });

  it("still puts one character on a line when not even that fits, instead of looping", () => {
    const { fits } = countingFits(0, 100);
    expect(wrap("abc", fits)).toEqual(["a", "b", "c"]);
  });
});

describe("a letter whose reply is one 20,000-character word", () => {
  afterEach(() => vi.restoreAllMocks());

  it("renders with O(n) width measurements and shows the whole word split across lines and pages", async () => {
    const long = word(20_000);
    const original = PDFFont.prototype.widthOfTextAtSize;
    const counter = { calls: 0 };
    vi.spyOn(PDFFont.prototype, "widthOfTextAtSize").mockImplementation(function (this: PDFFont, text: string, size: number) {
      counter.calls += 1;
      if (counter.calls > 4 * long.length) throw new BudgetSpent("more than 4 measurements per character");
      return original.call(this, text, size);
    });
    const bytes = await renderLetterPdf({
      locale: "nl",
      number: "LK-2026-000123",
      subject: "Lang woord",
      recipientName: "Anna Jansen",
      organisationName: null,
      date: "24 november 2026",
      writtenAt: new Date("2026-11-24T09:30:00Z"),
      body: long,
      senderName: "Bas Behandelaar",
    });
    expect(counter.calls).toBeLessThanOrEqual(4 * long.length);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const lines = pages.flat().filter((l) => !l.startsWith("Ons kenmerk LK-2026-000123 ·"));
    const start = lines.indexOf("Geachte Anna Jansen,") + 1;
    const end = lines.indexOf("Met vriendelijke groet,");
    expect(start).toBeGreaterThan(0);
    expect(end - start).toBeGreaterThan(100);
    expect(lines.slice(start, end).join("") === long).toBe(true);
  });
});

describe("the linear wrapping against the former character-by-character one", () => {
  // The former algorithm, kept as an oracle: slow on long words but obviously right on short ones.
  function formerWrap(text: string, fits: (line: string) => boolean): string[] {
    const lines: string[] = [];
    for (const hardLine of text.split("\n")) {
      let line = "";
      for (const w of hardLine.split(/ +/).filter(Boolean)) {
        const candidate = line ? `${line} ${w}` : w;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = w;
        while (!fits(rest)) {
          let cut = rest.length - 1;
          while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  it("gives the same lines for any text of words and line breaks", () => {
    const text = fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,40}$/), fc.constantFrom(" ", "  ", "\n")), { maxLength: 30 }).map((parts) => parts.join(" "));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 25 }), (value, max) => {
        const fits = (line: string) => line.length <= max;
        expect(wrap(value, fits)).toEqual(formerWrap(value, fits));
      }),
      { numRuns: 500 },
    );
  });
});
