import { describe, expect, it } from "vitest";
import {
  choiceOf,
  complaintDueState,
  DEFAULT_DELIVERY,
  DELIVERY_CHOICES,
  deliveryFor,
  deliveryOf,
  hrefFor,
  NOTIFICATION_KINDS,
  DIGEST_LISTED,
  notificationDigestMail,
  notificationMail,
  pageOf,
} from "@/lib/notifications/rules";

describe("delivery", () => {
  it("takes the person's row over the kind's default, and mails a breach but not an early warning by default", () => {
    expect(deliveryFor("sla.breached", null)).toEqual({ inApp: true, mail: true });
    expect(deliveryFor("sla.at_risk", undefined)).toEqual({ inApp: true, mail: false });
    expect(deliveryFor("sla.breached", { inApp: true, mail: false })).toEqual({ inApp: true, mail: false });
    expect(deliveryFor("some.unknown_kind", null)).toEqual({ inApp: true, mail: false });
  });

  it("reaches everyone somehow: every default and every choice is in the app or by mail", () => {
    for (const kind of NOTIFICATION_KINDS) expect(DEFAULT_DELIVERY[kind].inApp || DEFAULT_DELIVERY[kind].mail).toBe(true);
    for (const choice of DELIVERY_CHOICES) expect(choiceOf(deliveryOf(choice))).toBe(choice);
    expect(deliveryOf("MAIL")).toEqual({ inApp: false, mail: true });
  });
});

describe("where a notification leads", () => {
  it("opens the item itself where it has a page, else its list", () => {
    expect(hrefFor("Ticket", "t1", {})).toBe("/agent/tickets/t1");
    expect(hrefFor("Complaint", "c1", {})).toBe("/agent/klachten/c1");
    expect(hrefFor("Escalation", "e1", {})).toBe("/agent/escalaties");
    expect(hrefFor("CallbackAppointment", "a1", {})).toBe("/agent/terugbellen");
    expect(hrefFor("PreAnnouncement", "p1", {})).toBe("/agent/telefoon");
    expect(hrefFor("InboundMail", "m1", { ticketId: "t9" })).toBe("/agent/tickets/t9");
    expect(hrefFor("InboundMail", "m1", {})).toBe("/agent/meldingen");
  });
});

describe("complaint deadlines", () => {
  const due = new Date("2026-12-10T16:00:00Z");
  it("warns within the last day and once the due time has passed, not earlier", () => {
    expect(complaintDueState(due, new Date("2026-12-09T15:59:00Z"))).toBeNull();
    expect(complaintDueState(due, new Date("2026-12-09T16:00:00Z"))).toBe("DUE_SOON");
    expect(complaintDueState(due, new Date("2026-12-10T15:59:59Z"))).toBe("DUE_SOON");
    expect(complaintDueState(due, due)).toBe("OVERDUE");
  });
});

describe("the mail", () => {
  it("carries the reference and the link in the person's language, never a subject line of the case", () => {
    const nl = notificationMail("sla.breached", { number: "LK-2026-000123", subject: "Mijn beslag op loon" }, "nl", "https://loket.example/agent/meldingen/n1", "https://loket.example/agent/meldingen/voorkeuren");
    expect(nl.subject).toBe("Loket: Termijn overschreden: LK-2026-000123");
    expect(nl.text).toContain("https://loket.example/agent/meldingen/n1");
    expect(nl.text).not.toContain("beslag");
    const en = notificationMail("complaint.stage_due", { number: "LK-2026-000124", state: "OVERDUE" }, "en", "l", "p");
    expect(en.subject).toBe("Loket: Complaint deadline passed: LK-2026-000124");
  });

  it("for several events at once counts them, names the first twenty by reference and counts the rest", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ number: `LK-2026-${String(i + 1).padStart(6, "0")}`, subject: "Mijn beslag op loon" }));
    const twenty = notificationDigestMail("sla.breached", items(DIGEST_LISTED), "nl", "https://loket.example/agent/meldingen", "https://loket.example/agent/meldingen/voorkeuren");
    expect(twenty.subject).toBe("Loket: 20 termijnen overschreden");
    expect(twenty.text.match(/^- Termijn overschreden: LK-2026-0000\d\d$/gm)).toHaveLength(20);
    expect(twenty.text).not.toContain("meer");
    expect(twenty.text).not.toContain("beslag");
    expect(twenty.text).toContain("Openen in Loket: https://loket.example/agent/meldingen\n");

    const many = notificationDigestMail("sla.at_risk", items(57), "en", "l", "p");
    expect(many.subject).toBe("Loket: 57 deadlines nearly reached");
    expect(many.text).toContain("- Deadline nearly reached: LK-2026-000020\n- and 37 more\n");
    expect(many.text).not.toContain("LK-2026-000021");
  });
});

describe("paging", () => {
  it("clamps the page to what exists", () => {
    expect(pageOf(undefined, 0)).toBe(1);
    expect(pageOf("3", 41)).toBe(3);
    expect(pageOf("4", 41)).toBe(3);
    expect(pageOf("-2", 41)).toBe(1);
    expect(pageOf("abc", 41)).toBe(1);
  });
});
