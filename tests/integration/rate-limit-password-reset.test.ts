import { beforeEach, describe, expect, it } from "vitest";
import { requestPasswordReset } from "@/lib/account/commands";
import { db } from "@/lib/db/client";
import { RATE_LIMITS } from "@/lib/security/rate-limit";
import { seedDemo } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
// The database rule allows three links per account per hour of `now`; requests two hours apart
// never meet it, so whatever holds them back below is the rate limit (which counts real time).
const hoursLater = (hours: number) => new Date(now.getTime() + hours * 2 * 3_600_000);
const BRAM = "bram.devries@burger.example";
const NEUTRAL = { ok: true, data: undefined };
const linkMails = (email: string) => db.outboxMessage.count({ where: { toAddress: email, kind: "account.password_reset" } });

beforeEach(async () => {
  await seedDemo(now);
});

describe("forgotten password under rate limits", () => {
  it("per client address: past the budget the answer stays the same and nothing is mailed", async () => {
    const { points } = RATE_LIMITS.password_reset_ip;
    for (let i = 0; i < points; i++) {
      expect(await requestPasswordReset({ email: `niemand${i}@example.org` }, now, { ip: "198.51.100.7" })).toEqual(NEUTRAL);
    }
    expect(await requestPasswordReset({ email: BRAM }, now, { ip: "198.51.100.7" })).toEqual(NEUTRAL);
    expect(await linkMails(BRAM)).toBe(0);
    // Another address is not held back by the first one's requests.
    expect(await requestPasswordReset({ email: BRAM }, now, { ip: "198.51.100.8" })).toEqual(NEUTRAL);
    expect(await linkMails(BRAM)).toBe(1);
  });

  it("per account, whatever the client address: past the budget no further link is mailed", async () => {
    const { points } = RATE_LIMITS.password_reset_account;
    for (let i = 0; i < points; i++) {
      expect(await requestPasswordReset({ email: BRAM }, hoursLater(i), { ip: `192.0.2.${i + 1}` })).toEqual(NEUTRAL);
    }
    expect(await linkMails(BRAM)).toBe(points);
    // Upper case and spaces are the same account.
    expect(await requestPasswordReset({ email: ` ${BRAM.toUpperCase()}` }, hoursLater(points), { ip: "192.0.2.200" })).toEqual(NEUTRAL);
    expect(await linkMails(BRAM)).toBe(points);
    expect(await db.passwordResetToken.count()).toBe(points);
  });
});
