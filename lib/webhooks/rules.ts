// Pure rules of webhook delivery: which URLs may be registered, when to try again, when to give
// up and when to pause an endpoint. No I/O; `now` is always a parameter.
import { addressAllowed, literalAddress } from "./address";

/** A delivery is tried for a day after the event; then it is FAILED (an admin may send it again). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** An endpoint failing without a single success for this long is paused. */
export const PAUSE_AFTER_MS = 24 * 3_600_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 2 * 3_600_000;
/** How long one POST may take before it counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at 2 hours. `attempts` is how many failed. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/**
 * After a failed attempt: the next try, or FAILED once the day since the event is over. The last
 * try falls on the window's end rather than past it, so a receiver back up in time still gets it.
 */
export function afterFailedAttempt(attempts: number, createdAt: Date, now: Date): { status: "PENDING" | "FAILED"; nextAttemptAt: Date } {
  const end = createdAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= end) return { status: "FAILED", nextAttemptAt: now };
  return { status: "PENDING", nextAttemptAt: new Date(Math.min(now.getTime() + webhookRetryDelayMs(attempts), end)) };
}

/** Whether an endpoint that has failed since `failingSince` is to be paused now. */
export function shouldPause(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= PAUSE_AFTER_MS;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type WebhookUrlRefusal = "URL_INVALID" | "URL_NOT_HTTPS" | "URL_INTERNAL";

/**
 * Endpoints receive events over HTTPS. Plain HTTP only to this machine (localhost) and only
 * outside production: for development and the tests' own receivers. An address literal inside
 * this machine or its networks is refused here (loopback outside production excepted); names are
 * resolved and checked by lib/webhooks/target.ts, at registration and before every delivery.
 */
export function webhookUrlRefusal(raw: string, production: boolean): WebhookUrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "URL_INVALID";
  }
  if (url.username || url.password) return "URL_INVALID";
  if (url.protocol !== "https:" && url.protocol !== "http:") return "URL_INVALID";
  const literal = literalAddress(url.hostname);
  if (literal && !addressAllowed(literal, !production)) return "URL_INTERNAL";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:") return !production && LOOPBACK.has(url.hostname) ? null : "URL_NOT_HTTPS";
  return "URL_INVALID";
}

/** The response text kept for the delivery log: short and on one line. */
export function deliveryError(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}
