import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nationalNumber, numberVariants } from "@/lib/telephony/numbers";
import { signPayload, verifyPayload } from "@/lib/telephony/signature";
import { simulateDay } from "@/lib/telephony/simulate";

const NOW = new Date("2026-12-04T10:00:00Z");
const ts = Math.floor(NOW.getTime() / 1000);

describe("Standard Webhooks signature", () => {
  it("matches an independent HMAC-SHA256 over id.timestamp.body, for whsec_ and plain secrets", () => {
    const key = Buffer.from("0123456789abcdef0123456789abcdef");
    const secret = `whsec_${key.toString("base64")}`;
    const independent = createHmac("sha256", key).update(`msg_1.${ts}.{"a":1}`).digest("base64");
    expect(signPayload(secret, "msg_1", ts, '{"a":1}')).toBe(`v1,${independent}`);
    expect(signPayload("plain", "m", ts, "b")).toBe(`v1,${createHmac("sha256", "plain").update(`m.${ts}.b`).digest("base64")}`);
  });

  it("accepts a fresh delivery, also among several signatures (secret rotation), and says why it refuses", () => {
    const signature = signPayload("s", "id1", ts, "body");
    const headers = { id: "id1", timestamp: String(ts), signature };
    expect(verifyPayload("s", headers, "body", NOW)).toBeNull();
    expect(verifyPayload("s", { ...headers, signature: `v1,b2xk ${signature}` }, "body", NOW)).toBeNull();
    expect(verifyPayload("s", headers, "body!", NOW)).toBe("BAD_SIGNATURE");
    expect(verifyPayload("t", headers, "body", NOW)).toBe("BAD_SIGNATURE");
    expect(verifyPayload("s", { ...headers, signature: signature.replace("v1,", "v2,") }, "body", NOW)).toBe("BAD_SIGNATURE");
    expect(verifyPayload("s", { ...headers, id: "id2" }, "body", NOW)).toBe("BAD_SIGNATURE");
    expect(verifyPayload("s", headers, "body", new Date(NOW.getTime() + 301_000))).toBe("STALE_TIMESTAMP");
    expect(verifyPayload("s", headers, "body", new Date(NOW.getTime() + 299_000))).toBeNull();
    expect(verifyPayload("s", { ...headers, timestamp: null }, "body", NOW)).toBe("MISSING_HEADERS");
    expect(verifyPayload("s", { ...headers, timestamp: "12abc" }, "body", NOW)).toBe("MISSING_HEADERS");
  });
});

describe("Dutch telephone numbers", () => {
  it.each([
    ["+31 6 1234 5678", "0612345678"],
    ["0031612345678", "0612345678"],
    ["06-12345678", "0612345678"],
    ["+31 (0)6 12345678", "0612345678"],
    ["020 - 123 45 67", "0201234567"],
    ["088 - 123 45 00", "0881234500"],
    ["+32 470 12 34 56", "0032470123456"],
    ["0032 470 12 34 56", "0032470123456"],
  ])("%s is %s", (raw, national) => expect(nationalNumber(raw)).toBe(national));

  it("has nothing for empty or too short input, and lists the stored spellings of one number", () => {
    expect(nationalNumber("")).toBeNull();
    expect(nationalNumber("112")).toBeNull();
    expect(nationalNumber(null)).toBeNull();
    expect(numberVariants("0612345678")).toEqual(["0612345678", "31612345678", "0031612345678", "310612345678", "00310612345678"]);
    expect(numberVariants("0032470123456")).toEqual(["0032470123456", "32470123456"]);
  });
});

describe("a simulated day of calls", () => {
  const day = simulateDay({ day: "2026-12-04", calls: 100, agents: ["a@x", "b@x"], numbers: ["0612345678"], seed: 7 });

  it("is repeatable, in time order, within opening hours in Amsterdam, every call rings first and ends", () => {
    expect(simulateDay({ day: "2026-12-04", calls: 100, agents: ["a@x", "b@x"], numbers: ["0612345678"], seed: 7 })).toEqual(day);
    const times = day.map((e) => e.event.at);
    expect([...times].sort()).toEqual(times);
    const ringing = day.filter((e) => e.event.type === "call.ringing");
    expect(ringing).toHaveLength(100);
    // 09:00-17:00 in Amsterdam is 08:00-16:00 UTC in December.
    expect(ringing.every((e) => e.event.at >= "2026-12-04T08:00:00" && e.event.at < "2026-12-04T16:00:00")).toBe(true);
    expect(day.filter((e) => e.event.type === "call.ended")).toHaveLength(100);
    expect(new Set(day.map((e) => e.id)).size).toBe(day.length);
  });

  it("lets some callers hang up before an answer and answers the rest with waits of 5-180 s", () => {
    const answered = day.filter((e) => e.event.type === "call.answered");
    expect(answered.length).toBeGreaterThan(70);
    expect(answered.length).toBeLessThan(100);
    expect(answered.every((e) => e.event.waitSec! >= 5 && e.event.waitSec! <= 180)).toBe(true);
  });
});
