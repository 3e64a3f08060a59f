import { describe, expect, it } from "vitest";
import { mayTakeFromTeam, searchWords, takeNextTeams } from "@/lib/queue/rules";
import { parseQueueFilter } from "@/lib/queue/schema";

describe("taking from a team", () => {
  it("allows one's own teams only, except managers and admins", () => {
    expect(mayTakeFromTeam({ role: "CASE_HANDLER", teamIds: ["a"] }, "a")).toBe(true);
    expect(mayTakeFromTeam({ role: "CASE_HANDLER", teamIds: ["a"] }, "b")).toBe(false);
    expect(mayTakeFromTeam({ role: "CALLCENTER_AGENT", teamIds: ["a"] }, null)).toBe(false);
    expect(mayTakeFromTeam({ role: "MANAGER", teamIds: [] }, "b")).toBe(true);
  });

  it("draws take-next from a chosen own team, never a foreign one", () => {
    expect(takeNextTeams({ teamIds: ["a", "b"] }, undefined)).toEqual(["a", "b"]);
    expect(takeNextTeams({ teamIds: ["a", "b"] }, "b")).toEqual(["b"]);
    expect(takeNextTeams({ teamIds: ["a"] }, "z")).toEqual([]);
  });
});

describe("parseQueueFilter", () => {
  it("keeps valid filters and drops unknown values instead of failing", () => {
    expect(parseQueueFilter({ channel: "EMAIL", status: "BOGUS", page: "2", q: ["LK-2026-000001", "x"] })).toMatchObject({
      channel: "EMAIL",
      status: undefined,
      page: 2,
      q: "LK-2026-000001",
    });
    expect(parseQueueFilter({ page: "-4" }).page).toBe(0);
  });
});

describe("the words of a queue search", () => {
  it("splits on white space, drops signs standing alone and repeated words, and keeps a number whole", () => {
    expect(searchWords("  jaaropgave   niet vinden ")).toEqual(["jaaropgave", "niet", "vinden"]);
    expect(searchWords("Jansen - betaling & zn")).toEqual(["Jansen", "betaling", "zn"]);
    expect(searchWords("Vraag vraag VRAAG")).toEqual(["Vraag"]);
    expect(searchWords("korting 50%_\\")).toEqual(["korting", "50%_\\"]);
    expect(searchWords("LK-2026-000123")).toEqual(["LK-2026-000123"]);
    expect(searchWords("2026-0001")).toEqual(["2026-0001"]);
    // Signs alone are looked for as typed.
    expect(searchWords(" - & ")).toEqual(["- &"]);
    expect(searchWords("%")).toEqual(["%"]);
    // Punctuation around a word is the sentence's, not the word's; one or two characters stay as typed.
    expect(searchWords("Jansen, jaaropgave?")).toEqual(["Jansen", "jaaropgave"]);
    expect(searchWords("Jansen,jaaropgave")).toEqual(["Jansen", "jaaropgave"]);
    expect(searchWords("\"jaaropgave\"")).toEqual(["jaaropgave"]);
    expect(searchWords("(bezwaar) uitkering.")).toEqual(["bezwaar", "uitkering"]);
    expect(searchWords("“z")).toEqual(["“z"]);
    expect(searchWords("betaald 12,50")).toEqual(["betaald", "12,50"]);
  });
});
