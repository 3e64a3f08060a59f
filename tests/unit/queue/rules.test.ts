import { describe, expect, it } from "vitest";
import { mayTakeFromTeam, takeNextTeams } from "@/lib/queue/rules";
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
