// The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>", base64, sent as "v1,<signature>" (several may be sent,
// space-separated, while a secret is rotated). Secrets in the "whsec_<base64>" form are decoded.
import { createHmac, timingSafeEqual } from "node:crypto";

export const TIMESTAMP_TOLERANCE_SEC = 5 * 60;

export type SignatureRefusal = "MISSING_HEADERS" | "STALE_TIMESTAMP" | "BAD_SIGNATURE";

function secretKey(secret: string): Buffer {
  return secret.startsWith("whsec_") ? Buffer.from(secret.slice("whsec_".length), "base64") : Buffer.from(secret, "utf8");
}

export function signPayload(secret: string, id: string, timestampSec: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampSec}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** null when the delivery is authentic and fresh; otherwise why not. */
export function verifyPayload(
  secret: string,
  headers: { id: string | null; timestamp: string | null; signature: string | null },
  body: string,
  now: Date,
): SignatureRefusal | null {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return "MISSING_HEADERS";
  const sent = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - sent) > TIMESTAMP_TOLERANCE_SEC) return "STALE_TIMESTAMP";
  const expected = Buffer.from(signPayload(secret, id, sent, body).slice(3), "base64");
  for (const candidate of signature.split(" ")) {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return "BAD_SIGNATURE";
}
