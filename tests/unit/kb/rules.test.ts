import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayManageKb, rankArticles, searchWords } from "@/lib/kb/rules";

describe("searchWords", () => {
  it("keeps meaningful words, lower-cased, without stop words or duplicates", () => {
    expect(searchWords("Wanneer wordt mijn Uitkering betaald? Uitkering!")).toEqual(["uitkering", "betaald"]);
    expect(searchWords("  de het een ")).toEqual([]);
    expect(searchWords("re-integratie")).toEqual(["re-integratie"]);
  });

  it("never returns more than 8 words, each at least 2 characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        const words = searchWords(q);
        expect(words.length).toBeLessThanOrEqual(8);
        expect(words.every((w) => w.length >= 2)).toBe(true);
      }),
    );
  });
});

describe("rankArticles", () => {
  const a = { question: "Wanneer wordt mijn uitkering betaald?", answer: "Rond de 23e.", tags: ["betaling"] };
  const b = { question: "Hoe wijzig ik mijn adres?", answer: "Via de gemeente; uw uitkering loopt door.", tags: ["adres"] };
  const c = { question: "Jaaropgave", answer: "In Mijn Loket.", tags: [] };

  it("puts a match in the question above a match in the answer and drops non-matches", () => {
    expect(rankArticles([b, c, a], ["uitkering"])).toEqual([a, b]);
  });

  it("weighs tags", () => {
    expect(rankArticles([a, b], ["adres"])).toEqual([b]);
  });
});

describe("mayManageKb", () => {
  it("lets coordinators, managers and admins manage; not agents, handlers or customers", () => {
    expect(mayManageKb("TEAM_COORDINATOR")).toBe(true);
    expect(mayManageKb("ADMIN")).toBe(true);
    expect(mayManageKb("MANAGER")).toBe(true);
    expect(mayManageKb("CALLCENTER_AGENT")).toBe(false);
    expect(mayManageKb("CASE_HANDLER")).toBe(false);
    expect(mayManageKb("BENEFICIARY")).toBe(false);
  });
});
