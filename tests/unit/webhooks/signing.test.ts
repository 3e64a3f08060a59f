import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { afterFailedAttempt, RETRY_WINDOW_MS, shouldPause, webhookRetryDelayMs, webhookUrlRefusal } from "@/lib/webhooks/rules";
import { generateWebhookSecret, signWebhook } from "@/lib/webhooks/signing";

// A vector worked out here step by step from the Standard Webhooks text, not by calling Loket.
const SECRET = "whsec_" + Buffer.from("loket-test-key-0123456789abcdef").toString("base64");
const ID = "msg_2LJwr3TNp8Y7S4A5MJ6t9x";
const AT = new Date("2026-11-24T10:00:00Z"); // 1795514400 seconds
const BODY = '{"type":"ticket.created","timestamp":"2026-11-24T10:00:00.000Z","data":{"ticketId":"t1"}}';

describe("webhook signing (Standard Webhooks)", () => {
  it("signs 'id.timestamp.body' with the secret's decoded key, as v1,<base64>", () => {
    const key = Buffer.from("loket-test-key-0123456789abcdef", "utf8");
    const expected = createHmac("sha256", key).update(`${ID}.1795514400.${BODY}`).digest("base64");
    expect(signWebhook(SECRET, ID, AT, BODY)).toEqual({ "webhook-id": ID, "webhook-timestamp": "1795514400", "webhook-signature": `v1,${expected}` });
  });

  it("changes when the body, the id or the timestamp changes", () => {
    const base = signWebhook(SECRET, ID, AT, BODY)["webhook-signature"];
    expect(signWebhook(SECRET, ID, AT, BODY.replace("t1", "t2"))["webhook-signature"]).not.toBe(base);
    expect(signWebhook(SECRET, `${ID}x`, AT, BODY)["webhook-signature"]).not.toBe(base);
    expect(signWebhook(SECRET, ID, new Date(AT.getTime() + 1000), BODY)["webhook-signature"]).not.toBe(base);
    // Milliseconds are not sent, so they do not count.
    expect(signWebhook(SECRET, ID, new Date(AT.getTime() + 999), BODY)["webhook-signature"]).toBe(base);
  });

  it("makes secrets of 32 random bytes after whsec_", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe("webhook retry rules", () => {
  it("backs off exponentially up to two hours", () => {
    expect([1, 2, 3, 4, 8, 9, 20].map(webhookRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_840_000, 7_200_000, 7_200_000]);
  });

  it("tries until the day after the event is over, the last try on the day's end", () => {
    const created = new Date("2026-11-24T10:00:00Z");
    const almost = new Date(created.getTime() + RETRY_WINDOW_MS - 60_000);
    expect(afterFailedAttempt(12, created, almost)).toEqual({ status: "PENDING", nextAttemptAt: new Date(created.getTime() + RETRY_WINDOW_MS) });
    const end = new Date(created.getTime() + RETRY_WINDOW_MS);
    expect(afterFailedAttempt(13, created, end)).toEqual({ status: "FAILED", nextAttemptAt: end });
  });

  it("pauses an endpoint after a full day of failures, not before", () => {
    const since = new Date("2026-11-24T10:00:00Z");
    expect(shouldPause(null, since)).toBe(false);
    expect(shouldPause(since, new Date(since.getTime() + RETRY_WINDOW_MS - 1))).toBe(false);
    expect(shouldPause(since, new Date(since.getTime() + RETRY_WINDOW_MS))).toBe(true);
  });

  it("accepts https anywhere, http only to this machine outside production", () => {
    expect(webhookUrlRefusal("https://backoffice.example/hooks", true)).toBeNull();
    expect(webhookUrlRefusal("http://localhost:4000/hooks", false)).toBeNull();
    expect(webhookUrlRefusal("http://127.0.0.1:4000/hooks", false)).toBeNull();
    expect(webhookUrlRefusal("http://localhost:4000/hooks", true)).toBe("URL_NOT_HTTPS");
    expect(webhookUrlRefusal("http://backoffice.example/hooks", false)).toBe("URL_NOT_HTTPS");
    expect(webhookUrlRefusal("https://user:pw@backoffice.example/", true)).toBe("URL_INVALID");
    expect(webhookUrlRefusal("javascript:alert(1)", false)).toBe("URL_INVALID");
    expect(webhookUrlRefusal("not a url", false)).toBe("URL_INVALID");
  });
});
