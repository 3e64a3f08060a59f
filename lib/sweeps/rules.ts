// Pure rules for the background sweeps. No I/O.

export const AUTO_CLOSE_DAYS = 7;
export const REMINDER_MINUTES_BEFORE_SLOT = 60;
const DAY_MS = 86_400_000;

/** RESOLVED closes by itself seven days after it was resolved (DESIGN: Ticket). */
export function autoCloseBefore(now: Date): Date {
  return new Date(now.getTime() - AUTO_CLOSE_DAYS * DAY_MS);
}

/** A reminder goes out in the hour before the slot starts, never after it started. */
export function reminderWindow(now: Date): { from: Date; to: Date } {
  return { from: now, to: new Date(now.getTime() + REMINDER_MINUTES_BEFORE_SLOT * 60_000) };
}
