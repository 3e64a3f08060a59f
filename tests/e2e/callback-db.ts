import pg from "pg";
import { e2eServer } from "./servers";

// The e2e server runs at the real clock, and attempts are refused until shortly before the slot
// (lib/callbacks/rules.ts checkAttemptTime). Specs that log attempts on an appointment they just
// booked move it into the past here, as if the slot had come, and back-date earlier attempts by
// the minimum interval, as if the handler had waited.
async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eServer().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A weekday a week ago, "yyyy-MM-dd": its slots have ended, so a (late) attempt is accepted. */
export function pastDate(): string {
  const day = new Date(Date.now() - 7 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Moves the person's newest booked appointment on a ticket with this subject to `date`; returns its id. */
export async function moveBookedAppointment(personName: string, subject: string, date: string): Promise<string> {
  return withDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `UPDATE "CallbackAppointment" a SET "date" = $3, "slotStart" = ($3 || 'T09:00:00Z')::timestamptz
       WHERE a.id = (SELECT a2.id FROM "CallbackAppointment" a2 JOIN "User" u ON u.id = a2."personId" JOIN "Ticket" t ON t.id = a2."ticketId"
                     WHERE u.name = $1 AND t.subject = $2 AND a2.status = 'BOOKED' ORDER BY a2."bookedAt" DESC LIMIT 1)
       RETURNING a.id`,
      [personName, subject, date],
    );
    if (!rows[0]) throw new Error(`no booked appointment of ${personName} about ${subject}`);
    return rows[0].id;
  });
}

/** Back-dates the appointment's attempts so the next one is past the minimum interval. */
export async function backdateAttempts(appointmentId: string, minutes: number): Promise<void> {
  await withDb((client) =>
    client.query(`UPDATE "CallbackAttempt" SET "attemptedAt" = "attemptedAt" - make_interval(mins => $2) WHERE "appointmentId" = $1`, [appointmentId, minutes]),
  );
}
