// Pure rules for registering an incoming paper letter (issue 15, "Letters in"). No I/O; take `now`.
import { amsterdamDateKey, localToUtc, parseDateKey } from "@/lib/calendar/local-time";
import { addWorkingDaysToDate, type CalendarSettings } from "@/lib/calendar/rules";

/** How far back a post stamp may lie: older letters are registered by the back office, not here. */
export const RECEIPT_MAX_DAYS_BACK = 30;

export type ReceiptDateRefusal = "RECEIPT_DATE_INVALID" | "RECEIPT_DATE_IN_FUTURE" | "RECEIPT_DATE_TOO_OLD";

export type ReceiptDateCheck =
  | { ok: true; receivedOn: string; clockStartsAt: Date }
  | { ok: false; code: ReceiptDateRefusal };

/**
 * Checks the date of receipt ("yyyy-MM-dd", Amsterdam) against today and gives the instant the
 * answer clock starts: the start of that Amsterdam day, so the policy's working-day rules count
 * from the day the letter arrived, not from the day it was typed in.
 */
export function checkReceiptDate(receivedOn: string, now: Date): ReceiptDateCheck {
  const dn = parseDateKey(receivedOn);
  if (dn === null) return { ok: false, code: "RECEIPT_DATE_INVALID" };
  const today = parseDateKey(amsterdamDateKey(now));
  if (today === null) return { ok: false, code: "RECEIPT_DATE_INVALID" };
  if (dn > today) return { ok: false, code: "RECEIPT_DATE_IN_FUTURE" };
  if (today - dn > RECEIPT_MAX_DAYS_BACK) return { ok: false, code: "RECEIPT_DATE_TOO_OLD" };
  return { ok: true, receivedOn, clockStartsAt: new Date(localToUtc(dn, 0)) };
}

/** The Amsterdam date an answer is due for a WORKING_DAYS policy counted from the receipt date. */
export function letterDueDate(receivedOn: string, workingDays: number, settings: CalendarSettings): string {
  return addWorkingDaysToDate(receivedOn, workingDays, settings);
}
