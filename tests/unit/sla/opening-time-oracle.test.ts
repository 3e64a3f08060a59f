import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/holidays";
import { type OpeningInterval, type WeeklySchedule, isOpen } from "@/lib/calendar/opening-hours";
import { openingTime } from "@/lib/sla/opening-time";

// Two implementations must agree: the compiled engine behind OPENING_HOURS clocks and the "open
// now" rule of the portals, sampled every 15 minutes (schedules on a 15-minute grid, 06:00-24:00,
// so no boundary falls in a daylight-saving gap).
const SLOT = 15 * 60_000;
const FROM = Date.UTC(2025, 0, 1) / SLOT;
const TO = Date.UTC(2027, 11, 1) / SLOT;
const clock = (q: number) => `${String(Math.floor(q / 4)).padStart(2, "0")}:${String((q % 4) * 15).padStart(2, "0")}`;

const day: fc.Arbitrary<OpeningInterval[]> = fc
  .uniqueArray(fc.integer({ min: 24, max: 96 }), { maxLength: 4 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: OpeningInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push({ open: clock(sorted[i]!), close: clock(sorted[i + 1]!) });
    return intervals;
  });
const schedule: fc.Arbitrary<WeeklySchedule> = fc
  .tuple(day, day, day, day, day, day, day)
  .filter((days) => days.some((d) => d.length > 0))
  .map(([a, b, c, d, e, f, g]) => ({ 1: a, 2: b, 3: c, 4: d, 5: e, 6: f, 7: g }));
const closureDays = fc.uniqueArray(fc.constantFrom("2025-03-31", "2025-10-27", "2026-03-30", "2026-06-02", "2026-12-07"), { maxLength: 3 });

describe("opening time agrees with the open-now rule", () => {
  it("between(a, b) is the open 15-minute slots in [a, b]; add(a, between) lands where the last one ends", () => {
    fc.assert(
      fc.property(schedule, closureDays, fc.integer({ min: FROM, max: TO }), fc.integer({ min: 1, max: 3 * 96 }), (s, closures, startSlot, slots) => {
        const settings = { ...DEFAULT_CALENDAR_SETTINGS, closureDays: closures };
        const engine = openingTime({ schedule: s, settings });
        const a = startSlot * SLOT;
        const b = a + slots * SLOT;
        let open = 0;
        let lastOpenEnd = a;
        for (let t = a; t < b; t += SLOT) {
          if (isOpen(s, new Date(t), settings)) {
            open += SLOT;
            lastOpenEnd = t + SLOT;
          }
        }
        expect(engine.between(a, b)).toBe(open);
        if (open > 0) expect(engine.add(a, open)).toBe(lastOpenEnd);
      }),
      { numRuns: 60 },
    );
  });
});
