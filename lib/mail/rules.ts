// Pure rules of the mail channel. No I/O.

export const MAX_DELIVERY_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/** Exponential backoff: 30 s, 1 min, 2 min, ... capped at 6 hours. `attempts` is how many failed. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export function afterFailedDelivery(attempts: number, now: Date): { status: "PENDING" | "FAILED"; nextAttemptAt: Date } {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return { status: "FAILED", nextAttemptAt: now };
  return { status: "PENDING", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

const NUMBER_IN_SUBJECT = /\bLK-(\d{4})-(\d{6,})\b/i;

export function registrationNumberIn(subject: string): string | null {
  const match = NUMBER_IN_SUBJECT.exec(subject);
  return match ? `LK-${match[1]}-${match[2]}` : null;
}

/**
 * DESIGN: a mail with "spoed" in the subject from an employer address is an urgent request. Whole
 * words of the configurable list (setting urgent.subjectWords), never after "geen"/"niet".
 */
export { isUrgentSubject } from "@/lib/urgent/rules";

/** Subjects are stored on one line and bounded; header folding or injected newlines collapse. */
export function cleanSubject(subject: string | undefined | null): string {
  const oneLine = (subject ?? "").replace(/[\r\n\t\u0000-\u001f\u007f]+/g, " ").replace(/\s{2,}/g, " ").trim();
  return oneLine.slice(0, 300) || "(geen onderwerp)";
}

export function normaliseAddress(address: string | undefined | null): string | null {
  const value = (address ?? "").trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(value) ? value : null;
}

export type AutomaticKind = "BOUNCE" | "AUTO_REPLY" | null;

/**
 * Bounces and auto-replies (RFC 3834 Auto-Submitted, RFC 3464 delivery reports, common
 * vacation-responder headers) never become tickets: answering them would loop.
 */
export function classifyAutomatic(headers: {
  from: string | null;
  contentType: string | null;
  autoSubmitted: string | null;
  precedence: string | null;
  xAutoreply: string | null;
  subject: string;
}): AutomaticKind {
  const from = headers.from ?? "";
  const type = (headers.contentType ?? "").toLowerCase();
  if (/^(mailer-daemon|postmaster)@/i.test(from) || type.includes("report-type=delivery-status") || type.startsWith("multipart/report")) {
    return "BOUNCE";
  }
  const autoSubmitted = (headers.autoSubmitted ?? "").toLowerCase().trim();
  if (autoSubmitted && autoSubmitted !== "no") return "AUTO_REPLY";
  if (/^(auto_reply|bulk|junk|list)$/i.test((headers.precedence ?? "").trim())) return "AUTO_REPLY";
  if (headers.xAutoreply) return "AUTO_REPLY";
  if (/^(automatisch antwoord|automatic reply|auto[- ]?reply|out of office|afwezig)\b/i.test(headers.subject)) return "AUTO_REPLY";
  return null;
}

/** Message-IDs as they appear in References / In-Reply-To headers, angle brackets kept. */
export function messageIdsIn(value: string | string[] | undefined | null): string[] {
  const text = Array.isArray(value) ? value.join(" ") : (value ?? "");
  return text.match(/<[^<>\s]+>/g) ?? [];
}
