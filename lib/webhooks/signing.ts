// Signing of outgoing webhooks by the Standard Webhooks scheme (standardwebhooks.com), the same
// rule the telephony intake verifies: HMAC-SHA256 with the secret's key over
// "<webhook-id>.<webhook-timestamp>.<body>", sent as "v1,<base64>".
import { randomBytes } from "node:crypto";
import { signPayload } from "@/lib/telephony/signature";

/** A new endpoint secret: "whsec_" and 32 random bytes in base64 (the key is those bytes). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The three headers of one delivery attempt; `at` is the attempt's moment (seconds are sent). */
export function signWebhook(secret: string, id: string, at: Date, body: string): SignedHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signPayload(secret, id, timestamp, body) };
}
