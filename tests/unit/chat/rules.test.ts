import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from "@/lib/calendar/rules";
import { weekdaySchedule } from "@/lib/calendar/opening-hours";
import {
  agentMaySeeWaiting,
  atChatLimit,
  chatHours,
  DEFAULT_CHAT_SETTINGS,
  formatTranscript,
  isChatTopic,
  isTyping,
  median,
  offerMessage,
  orderWaiting,
  pickChatLine,
  queuePosition,
  sweepVerdict,
  systemText,
  typingThrottled,
  waitEstimateSec,
} from "@/lib/chat/rules";

const settings: CalendarSettings = { ...DEFAULT_CALENDAR_SETTINGS, closureDays: ["2026-11-26"] };
// Tuesday 24 November 2026, 11:00 in Amsterdam (10:00 UTC).
const TUESDAY_11 = new Date("2026-11-24T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("the chat line and topics", () => {
  const line = (key: string, audience: "BENEFICIARY" | "EMPLOYER" | null, channels: string[], sortOrder = 0, active = true) => ({ key, audience, channels, active, sortOrder });
  it("takes an active line with CHAT of the audience, before a shared one", () => {
    const lines = [line("SHARED", null, ["CHAT"], 0), line("AVOND", "BENEFICIARY", ["PHONE", "CHAT"], 5), line("WG", "EMPLOYER", ["CHAT"])];
    expect(pickChatLine(lines, "BENEFICIARY")?.key).toBe("AVOND");
    expect(pickChatLine(lines, "EMPLOYER")?.key).toBe("WG");
  });
  it("falls back to a line for both portals, and finds none without CHAT or when inactive", () => {
    expect(pickChatLine([line("SHARED", null, ["CHAT"]), line("WG", "EMPLOYER", ["PHONE"])], "EMPLOYER")?.key).toBe("SHARED");
    expect(pickChatLine([line("WG", "EMPLOYER", ["PHONE", "EMAIL"]), line("X", "EMPLOYER", ["CHAT"], 0, false)], "EMPLOYER")).toBeNull();
    expect(pickChatLine([line("WG", "EMPLOYER", ["CHAT"])], "BENEFICIARY")).toBeNull();
  });
  it("offers a category as a topic only when ticked, active and of that portal", () => {
    expect(isChatTopic({ chat: true, active: true, audience: "BENEFICIARY" }, "BENEFICIARY")).toBe(true);
    expect(isChatTopic({ chat: true, active: true, audience: "BENEFICIARY" }, "EMPLOYER")).toBe(false);
    expect(isChatTopic({ chat: false, active: true, audience: "BENEFICIARY" }, "BENEFICIARY")).toBe(false);
    expect(isChatTopic({ chat: true, active: false, audience: "BENEFICIARY" }, "BENEFICIARY")).toBe(false);
    expect(isChatTopic({ chat: true, active: true, audience: null }, "BENEFICIARY")).toBe(false);
  });
  it("is open during the line's hours, closed outside them and on closure days", () => {
    const week = weekdaySchedule("08:00", "22:00");
    expect(chatHours(week, settings, TUESDAY_11)).toEqual({ open: true, closesAt: at("2026-11-24T21:00:00Z"), nextOpening: null });
    // 22:30 Amsterdam: closed, opens Wednesday 08:00.
    expect(chatHours(week, settings, at("2026-11-24T21:30:00Z"))).toEqual({ open: false, closesAt: null, nextOpening: at("2026-11-25T07:00:00Z") });
    // Thursday 26 November is a closure day: Wednesday evening the next opening is Friday.
    expect(chatHours(week, settings, at("2026-11-25T21:30:00Z")).nextOpening).toEqual(at("2026-11-27T07:00:00Z"));
    expect(chatHours(week, settings, at("2026-11-26T10:00:00Z")).open).toBe(false);
  });
});

describe("the waiting list", () => {
  const chat = (id: string, minutesAgo: number, isPartner = false) => ({ id, isPartner, queuedAt: new Date(TUESDAY_11.getTime() - minutesAgo * 60_000) });
  it("puts partners first, then who has waited longest", () => {
    const list = [chat("a", 2), chat("b", 10), chat("c", 1, true), chat("d", 5, true)];
    expect(orderWaiting(list).map((c) => c.id)).toEqual(["d", "c", "b", "a"]);
    expect(queuePosition(list, "b")).toBe(3);
    expect(queuePosition(list, "c")).toBe(2);
    expect(queuePosition(list, "zzz")).toBeNull();
  });
  it("orders exact ties by id, the same way every time", () => {
    expect(orderWaiting([chat("y", 3), chat("x", 3)]).map((c) => c.id)).toEqual(["x", "y"]);
  });
});

describe("the wait estimate", () => {
  it("is unknown without pickups in the last hour or without anyone chatting", () => {
    expect(waitEstimateSec({ position: 1, recentWaitsSec: [], agentsChatting: 3 })).toBeNull();
    expect(waitEstimateSec({ position: 1, recentWaitsSec: [60, 90], agentsChatting: 0 })).toBeNull();
    expect(waitEstimateSec({ position: null, recentWaitsSec: [60], agentsChatting: 1 })).toBeNull();
  });
  it("is the median recent wait per round of the agents chatting", () => {
    expect(median([30, 300, 60])).toBe(60);
    expect(median([30, 60, 90, 1000])).toBe(75);
    expect(waitEstimateSec({ position: 1, recentWaitsSec: [30, 300, 60], agentsChatting: 2 })).toBe(60);
    expect(waitEstimateSec({ position: 2, recentWaitsSec: [30, 300, 60], agentsChatting: 2 })).toBe(60);
    expect(waitEstimateSec({ position: 3, recentWaitsSec: [30, 300, 60], agentsChatting: 2 })).toBe(120);
    expect(waitEstimateSec({ position: 7, recentWaitsSec: [45], agentsChatting: 1 })).toBe(315);
  });
});

describe("limits, typing and the offer to leave a message", () => {
  it("stops an agent at the limit", () => {
    expect(atChatLimit(2, DEFAULT_CHAT_SETTINGS)).toBe(false);
    expect(atChatLimit(3, DEFAULT_CHAT_SETTINGS)).toBe(true);
    expect(atChatLimit(1, { maxPerAgent: 1, offerMessageAfterSec: 60 })).toBe(true);
  });
  it("offers a message when nobody picked up in time or the line is closed, only while waiting", () => {
    const queuedAt = new Date(TUESDAY_11.getTime() - 119_000);
    const base = { status: "WAITING" as const, queuedAt, lineOpen: true, now: TUESDAY_11, settings: DEFAULT_CHAT_SETTINGS };
    expect(offerMessage(base)).toBe(false);
    expect(offerMessage({ ...base, now: new Date(TUESDAY_11.getTime() + 1_000) })).toBe(true);
    expect(offerMessage({ ...base, lineOpen: false })).toBe(true);
    expect(offerMessage({ ...base, status: "ACTIVE", lineOpen: false })).toBe(false);
  });
  it("writes a typing mark at most every 2 seconds and shows it for 6", () => {
    expect(typingThrottled(null, TUESDAY_11)).toBe(false);
    expect(typingThrottled(new Date(TUESDAY_11.getTime() - 1_999), TUESDAY_11)).toBe(true);
    expect(typingThrottled(new Date(TUESDAY_11.getTime() - 2_000), TUESDAY_11)).toBe(false);
    expect(isTyping(new Date(TUESDAY_11.getTime() - 5_000), TUESDAY_11)).toBe(true);
    expect(isTyping(new Date(TUESDAY_11.getTime() - 6_000), TUESDAY_11)).toBe(false);
    expect(isTyping(null, TUESDAY_11)).toBe(false);
  });
  it("gives up a waiting chat after 30 silent minutes and ends an accepted one after an idle hour", () => {
    const ago = (min: number) => new Date(TUESDAY_11.getTime() - min * 60_000);
    expect(sweepVerdict({ status: "WAITING", lastCustomerAt: ago(29), lastActivityAt: ago(29), now: TUESDAY_11 })).toBe("KEEP");
    expect(sweepVerdict({ status: "WAITING", lastCustomerAt: ago(30), lastActivityAt: ago(1), now: TUESDAY_11 })).toBe("ABANDON");
    expect(sweepVerdict({ status: "ACTIVE", lastCustomerAt: ago(90), lastActivityAt: ago(59), now: TUESDAY_11 })).toBe("KEEP");
    expect(sweepVerdict({ status: "ACTIVE", lastCustomerAt: ago(90), lastActivityAt: ago(60), now: TUESDAY_11 })).toBe("END");
    expect(sweepVerdict({ status: "ENDED", lastCustomerAt: ago(900), lastActivityAt: ago(900), now: TUESDAY_11 })).toBe("KEEP");
  });
  it("hides dossier topics from the first line and team chats from other teams", () => {
    const open = { teamId: null, category: { dossierSensitive: false } };
    expect(agentMaySeeWaiting({ role: "CALLCENTER_AGENT", teamIds: [] }, open)).toBe(true);
    expect(agentMaySeeWaiting({ role: "CALLCENTER_AGENT", teamIds: [] }, { ...open, category: { dossierSensitive: true } })).toBe(false);
    expect(agentMaySeeWaiting({ role: "CASE_HANDLER", teamIds: [] }, { ...open, category: { dossierSensitive: true } })).toBe(true);
    expect(agentMaySeeWaiting({ role: "CASE_HANDLER", teamIds: ["t1"] }, { ...open, teamId: "t2" })).toBe(false);
    expect(agentMaySeeWaiting({ role: "CASE_HANDLER", teamIds: ["t1"] }, { ...open, teamId: "t1" })).toBe(true);
    expect(agentMaySeeWaiting({ role: "MANAGER", teamIds: [] }, { ...open, teamId: "t2" })).toBe(true);
  });
});

describe("the transcript", () => {
  it("lists every line with its Amsterdam time and author, system lines without a name", () => {
    const text = formatTranscript(
      [
        { author: "CUSTOMER", authorName: "Anna Jansen", body: "Waar vind ik mijn jaaropgave?", createdAt: at("2026-11-24T10:00:00Z") },
        { author: "SYSTEM", authorName: "", body: systemText("ACCEPTED", "nl", "Sanne"), createdAt: at("2026-11-24T10:01:00Z") },
        { author: "AGENT", authorName: "Sanne", body: "Onder Mijn documenten.", createdAt: at("2026-11-24T10:02:30Z") },
      ],
      "nl",
    );
    expect(text).toBe("Chatgesprek van 24 november 2026\n\n11:00 Anna Jansen: Waar vind ik mijn jaaropgave?\n11:01 — Sanne neemt deel aan het gesprek.\n11:02 Sanne: Onder Mijn documenten.");
  });
  it("writes system lines in the customer's language", () => {
    expect(systemText("TRANSFERRED_TO_TEAM", "en", "Team Werkgevers")).toBe("The conversation was transferred to Team Werkgevers. You are back in the queue.");
  });
});
