import { beforeAll, describe, expect, it } from "vitest";
import nl from "@/messages/nl/portaal.json";
import { db } from "@/lib/db/client";
import { listPublicFaq } from "@/lib/kb/queries";
import { seedDemo } from "../support/fixtures";

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
});

describe("portal FAQ", () => {
  it("names only portal sections that exist (every quoted place is a menu item of Mijn Loket)", async () => {
    const menu = new Set(Object.values((nl as { portaal: { nav: Record<string, string> } }).portaal.nav));
    const faq = await listPublicFaq(db, "nl");
    expect(faq.length).toBeGreaterThan(0);
    const places = faq.flatMap((a) => [...a.answer.matchAll(/'([^']+)'/g)].map((m) => m[1]!));
    expect(places.filter((place) => !menu.has(place))).toEqual([]);
    // And no path to a page that is not there.
    expect(faq.flatMap((a) => a.answer.match(/\/portaal\/\S*/g) ?? [])).toEqual([]);
  });
});
