// The SMTP intake's per-address limit, kept out of lib/mail/smtp-listener.ts so that file only
// asks "may this address send one more message?". Counted per MAIL FROM (per message, since one
// connection may carry many), refused with a temporary 4xx so a real server queues and retries.
//
// MAIL_INTAKE_UNLIMITED_IPS (environment, comma-separated): addresses not held to the limit, e.g.
// the organisation's own relay when the intake sits behind it. Default: loopback only, so a relay
// on the same host and the local tools (scripts/bench-mail.ts) pass; anyone else is limited.
import "server-only";
import { normaliseAddress } from "./client-ip";
import { consumeRateLimit } from "./rate-limit";

export interface IntakeRefusal {
  responseCode: number;
  message: string;
}

const LOOPBACK = ["127.0.0.1", "::1"];

function fromEnv(): string[] {
  const raw = process.env.MAIL_INTAKE_UNLIMITED_IPS;
  return raw === undefined ? LOOPBACK : raw.split(",").map((part) => part.trim()).filter(Boolean);
}

/** null: go ahead; otherwise the SMTP reply to give. Never throws. */
export function mailIntakeLimiter(unlimitedAddresses: string[] = fromEnv()): (remoteAddress: string | undefined) => Promise<IntakeRefusal | null> {
  const unlimited = new Set(unlimitedAddresses.map((a) => normaliseAddress(a) ?? a));
  return async (remoteAddress) => {
    const address = normaliseAddress(remoteAddress ?? "") ?? "unknown";
    if (unlimited.has(address)) return null;
    try {
      const outcome = await consumeRateLimit("mail_intake_ip", address);
      if (outcome.ok) return null;
      return { responseCode: 451, message: `4.7.1 Too many messages from your address, try again in ${outcome.retryAfterSeconds} seconds` };
    } catch {
      // The limit cannot be checked when the database is away; storing would fail just the same.
      return { responseCode: 451, message: "Temporary local problem, please try again later" };
    }
  };
}
