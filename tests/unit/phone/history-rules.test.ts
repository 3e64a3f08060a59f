import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type HistoryItem, historyPages, mergeHistory } from "@/lib/phone/history-rules";

const call = (id: string, iso: string): HistoryItem => ({ kind: "CALL", id, at: new Date(iso), summary: "", agent: "", ticket: null });
const ticket = (id: string, iso: string): HistoryItem => ({ kind: "TICKET", id, at: new Date(iso), number: id, subject: "", status: "CLOSED" });

describe("mergeHistory", () => {
  it("puts every kind in one list, newest first, and says when there is more", () => {
    const merged = mergeHistory([[ticket("t2", "2026-11-20T10:00:00Z"), ticket("t1", "2026-10-01T10:00:00Z")], [call("c1", "2026-11-22T10:00:00Z")]], 2);
    expect(merged.items.map((x) => x.id)).toEqual(["c1", "t2"]);
    expect(merged.more).toBe(true);
    expect(mergeHistory([[ticket("t1", "2026-10-01T10:00:00Z")]], 10)).toEqual({ items: [ticket("t1", "2026-10-01T10:00:00Z")], more: false });
  });

  it("gives the same first n as sorting everything, when each list holds its newest n + 1 (property)", () => {
    const list = fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 30 });
    fc.assert(
      fc.property(list, list, fc.integer({ min: 1, max: 25 }), (a, b, n) => {
        const calls = a.map((m, i) => call(`c${i}`, new Date(Date.UTC(2026, 0, 1) + m * 60_000).toISOString()));
        const tickets = b.map((m, i) => ticket(`t${i}`, new Date(Date.UTC(2026, 0, 1) + m * 60_000).toISOString()));
        const newest = (xs: HistoryItem[]) => [...xs].sort((x, y) => y.at.getTime() - x.at.getTime() || x.id.localeCompare(y.id)).slice(0, n + 1);
        const full = mergeHistory([calls, tickets], n);
        const cut = mergeHistory([newest(calls), newest(tickets)], n);
        return JSON.stringify(full) === JSON.stringify(cut) && full.more === calls.length + tickets.length > n;
      }),
    );
  });
});

describe("historyPages", () => {
  it("reads 1 to 50 pages from the address and anything else as the first page", () => {
    expect(historyPages("3")).toBe(3);
    expect(historyPages(undefined)).toBe(1);
    expect(historyPages("0")).toBe(1);
    expect(historyPages("51")).toBe(1);
    expect(historyPages("constructor")).toBe(1);
  });
});
