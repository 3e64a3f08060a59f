import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { addressesIn } from "@/lib/mail/reply-token";
import type { WorkMeter } from "@/lib/util/work-meter";

// Hole 9 of issue 13, the mail intake: work that grew faster than its input.

// sanitize-html slows down with nesting depth (40,000 nested tags: ~13 s). Record the deepest input
// it is given; the real library still does the work.
const deepest = vi.hoisted(() => ({ depth: 0 }));
vi.mock("sanitize-html", async (importOriginal) => {
  const actual = (await importOriginal<{ default: (html: string, options?: unknown) => string }>()).default;
  const wrapped = Object.assign((html: string, options?: unknown) => {
    let depth = 0;
    for (const match of html.matchAll(/<(\/?)div\b/g)) {
      depth += match[1] ? -1 : 1;
      deepest.depth = Math.max(deepest.depth, depth);
    }
    return actual(html, options);
  }, actual);
  return { default: wrapped };
});

describe("addressesIn, the recipient addresses of an inbound mail", () => {
  // The former pattern, as an oracle: right, but quadratic on a long run without "@".
  const former = (values: string[]) => values.flatMap((value) => value.match(/[^\s<>,;:"()[\]]+@[^\s<>,;:"()[\]]+/g) ?? []);

  it("finds the same addresses as the former pattern", () => {
    const header = fc.array(fc.constantFrom("a", "b", "@", " ", "<", ">", ",", ";", ":", '"', "(", ")", "[", "]", ".", "+", "\t", "\u00a0"), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(fc.property(fc.array(header, { maxLength: 3 }), (values) => {
      expect(addressesIn(values)).toEqual(former(values));
    }), { numRuns: 1000 });
    expect(addressesIn(['"Loket" <loket+abc@loket.example>, iemand@elders.example'])).toEqual(["loket+abc@loket.example", "iemand@elders.example"]);
  });

  it("does work linear in a hostile header of one long word without an @", () => {
    const work = (length: number) => {
      const meter: WorkMeter = { steps: 0 };
      expect(addressesIn([`${"a".repeat(length)}@`, "x".repeat(length)], meter)).toEqual([]);
      return meter.steps;
    };
    const single = work(100_000);
    const double = work(200_000);
    expect(single).toBeGreaterThanOrEqual(200_000);
    expect(single).toBeLessThanOrEqual(4 * 200_000);
    expect(double / single).toBeGreaterThan(1.8);
    expect(double / single).toBeLessThan(2.2);
  });
});

describe("sanitizeMailHtml, the HTML part of an inbound mail", () => {
  it("never hands sanitize-html a mail nested deeper than any real one, and keeps its text", async () => {
    const { sanitizeMailHtml } = await import("@/lib/mail/ingest");
    deepest.depth = 0;
    const html = `${"<div>".repeat(40_000)}Mijn vraag over de uitkering${"</div>".repeat(40_000)}`;
    const out = sanitizeMailHtml(html);
    expect(out).toContain("Mijn vraag over de uitkering");
    expect(out).not.toContain("<div>");
    expect(deepest.depth).toBeLessThanOrEqual(256);
  });

  it("still sanitises a normally nested mail with the library", async () => {
    const { sanitizeMailHtml } = await import("@/lib/mail/ingest");
    deepest.depth = 0;
    const html = `${"<div>".repeat(20)}<p onclick="x()">Hallo <script>alert(1)</script><b>wereld</b></p>${"</div>".repeat(20)}<br><br><img src=x>`;
    expect(sanitizeMailHtml(html)).toBe(`${"<div>".repeat(20)}<p>Hallo <b>wereld</b></p>${"</div>".repeat(20)}<br /><br />`);
    expect(deepest.depth).toBe(20);
  });
});

describe("nestsDeeperThan, the guard before sanitize-html", () => {
  it("measures depth in one pass: doubling the HTML doubles the work", async () => {
    const { nestsDeeperThan } = await import("@/lib/mail/html-guard");
    const work = (n: number) => {
      const meter: WorkMeter = { steps: 0 };
      // Flat, so the guard reads all of it.
      expect(nestsDeeperThan("<div><br></div>".repeat(n), 256, meter)).toBe(false);
      return meter.steps;
    };
    const single = work(20_000);
    expect(work(40_000) / single).toBeCloseTo(2, 1);
    expect(single).toBeLessThanOrEqual(20_000 * "<div><br></div>".length);
  });

  it("counts void elements and closed tags as no nesting", async () => {
    const { nestsDeeperThan } = await import("@/lib/mail/html-guard");
    expect(nestsDeeperThan(`${"<div>".repeat(3)}${"<br><img src=x>".repeat(500)}${"</div>".repeat(3)}`, 3)).toBe(false);
    expect(nestsDeeperThan("<div>".repeat(4), 3)).toBe(true);
    expect(nestsDeeperThan("a < b and 1<2 <!-- x --> </ >", 0)).toBe(false);
  });
});
