// A logged-in citizen's "link DigiD" click: a short-lived, signed cookie that tells the broker's
// callback to link the asserted BSN to this account instead of logging in. Bound to the account,
// so a cookie of one person cannot link to another's session.
import { createHmac, timingSafeEqual } from "node:crypto";

export const LINK_INTENT_COOKIE = "loket-sso-link";
export const LINK_INTENT_MINUTES = 10;

const mac = (payload: string, key: string) => createHmac("sha256", key).update(`sso-link:${payload}`).digest("base64url");

export function linkIntentValue(userId: string, now: Date, key: string): string {
  const payload = `${userId}.${now.getTime() + LINK_INTENT_MINUTES * 60_000}`;
  return `${payload}.${mac(payload, key)}`;
}

/** The account the intent was made for, while it is fresh and untampered; null otherwise. */
export function linkIntentUser(value: string | null | undefined, now: Date, key: string): string | null {
  const parts = (value ?? "").split(".");
  if (parts.length !== 3) return null;
  const [userId, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(`${userId}.${expires}`, key));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Number(expires) > now.getTime() ? userId : null;
}
