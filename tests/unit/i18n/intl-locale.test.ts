import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatShortDateTime, formatTime } from "@/lib/calendar/format";
import { intlLocaleOf } from "@/lib/i18n/intl-locale";

// Monday 7 December 2026, 14:05 in Amsterdam.
const at = new Date("2026-12-07T13:05:00Z");
const format = (locale: string) => createFormatter({ locale: intlLocaleOf(locale), timeZone: "Europe/Amsterdam" });

describe("the locale dates and times are written in", () => {
  it("writes English day first with a 24-hour clock, as the app's own date texts and slot labels do", () => {
    const english = format("en").dateTime(at, { dateStyle: "medium", timeStyle: "short" });
    expect(english).toBe(formatShortDateTime(at, "en"));
    expect(english).toBe("7 Dec 2026, 14:05");
    expect(format("en").dateTime(at, { dateStyle: "long" })).toBe("7 December 2026");
    expect(format("en").dateTime(at, { timeStyle: "short" })).toBe(formatTime(at));
  });

  it("leaves Dutch as it is", () => {
    expect(intlLocaleOf("nl")).toBe("nl");
    expect(format("nl").dateTime(at, { dateStyle: "long", timeStyle: "short" })).toBe("7 december 2026 om 14:05");
  });
});
