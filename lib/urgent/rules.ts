// Pure rules for the 24-hour clock of an urgent request. No I/O.

export const URGENT_HOURS = 24;

export interface Countdown {
  /** Milliseconds left; negative when overdue. */
  remainingMs: number;
  overdue: boolean;
  hours: number;
  minutes: number;
}

/** What the employer's countdown shows at `now`: hours and minutes left (or over). */
export function countdown(dueAt: Date, now: Date): Countdown {
  const remainingMs = dueAt.getTime() - now.getTime();
  const abs = Math.abs(remainingMs);
  const totalMinutes = Math.floor(abs / 60_000);
  return { remainingMs, overdue: remainingMs < 0, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** The ticket's first message: the written confirmation with the reason and for whom. */
export function urgentBody(input: { reason: string; forWhom: string; details: string }, labels: { reason: string; forWhom: string }): string {
  const parts = [`${labels.reason}: ${input.reason}`, `${labels.forWhom}: ${input.forWhom}`];
  if (input.details) parts.push("", input.details);
  return parts.join("\n");
}
