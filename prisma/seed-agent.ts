// Demo rows for the agent workspace: a person the call centre could not reach (the note stands
// out on their next call), callbacks on the next working day, a logged call, and more knowledge.
// Wired in by the lead: `await seedAgent(tx, now)` after the main seed.
import { amsterdamDateKey, DEFAULT_CALENDAR_SETTINGS, isWorkingDate, nextWorkingDay } from "@/lib/calendar/rules";
import { slotWindow } from "@/lib/callbacks/rules";
import { contactNoteText, wrongNumberNoteText } from "@/lib/callbacks/texts";
import type { Tx } from "@/lib/db/client";

/** The date `n` working days before `date` (the calendar only counts forward). */
export function workingDaysBefore(date: string, n: number): string {
  let cursor = new Date(`${date}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    cursor = new Date(cursor.getTime() - 86_400_000);
    if (isWorkingDate(cursor.toISOString().slice(0, 10), DEFAULT_CALENDAR_SETTINGS)) left -= 1;
  }
  return cursor.toISOString().slice(0, 10);
}

export async function seedAgent(tx: Tx, now: Date): Promise<void> {
  const [anna, bram, handler, agent, team] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } }),
    tx.team.findUniqueOrThrow({ where: { key: "uitkeringen" } }),
  ]);
  const annaTicket = await tx.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "OPEN" }, orderBy: { createdAt: "asc" } });
  const [bramTicket, bramOtherTicket] = await tx.ticket.findMany({ where: { requesterId: bram.id, status: "OPEN" }, orderBy: { createdAt: "asc" }, take: 2 });
  if (!bramTicket || !bramOtherTicket) throw new Error("the demo gives Bram two open questions");

  // Anna: a callback three working days ago, two failed attempts, so she is "not reached".
  const past = workingDaysBefore(amsterdamDateKey(now), 3);
  const pastSlot = slotWindow(past, "MORNING");
  const missed = await tx.callbackAppointment.create({
    data: {
      ticketId: annaTicket.id, personId: anna.id, teamId: team.id, date: past, slot: "MORNING", slotStart: pastSlot.startsAt,
      phone: anna.phone ?? "0612345678", status: "UNREACHABLE", bookedById: agent.id, bookedAt: new Date(pastSlot.startsAt.getTime() - 86_400_000), closedAt: new Date(pastSlot.startsAt.getTime() + 40 * 60_000),
    },
  });
  await tx.callbackAttempt.createMany({
    data: [
      { appointmentId: missed.id, handlerId: handler.id, outcome: "NO_ANSWER", note: "Geen gehoor", attemptedAt: new Date(pastSlot.startsAt.getTime() + 5 * 60_000) },
      { appointmentId: missed.id, handlerId: handler.id, outcome: "VOICEMAIL", note: "Voicemail ingesproken", attemptedAt: new Date(pastSlot.startsAt.getTime() + 40 * 60_000) },
    ],
  });
  await tx.contactNote.create({
    data: { subjectId: anna.id, subjectPhone: anna.phone, kind: "UNREACHABLE", body: contactNoteText(past, "MORNING", "nl"), appointmentId: missed.id, authorId: handler.id, createdAt: new Date(pastSlot.startsAt.getTime() + 40 * 60_000) },
  });

  // Bram: four working days ago he was called on an old number that turned out wrong: the
  // appointment ended WRONG_NUMBER at once, with a note the call centre sees when he calls.
  const earlier = workingDaysBefore(amsterdamDateKey(now), 4);
  const earlierSlot = slotWindow(earlier, "AFTERNOON");
  const oldNumber = "0201234567";
  const calledAt = new Date(earlierSlot.startsAt.getTime() + 10 * 60_000);
  const wrong = await tx.callbackAppointment.create({
    data: {
      ticketId: bramTicket.id, personId: bram.id, teamId: team.id, date: earlier, slot: "AFTERNOON", slotStart: earlierSlot.startsAt,
      phone: oldNumber, status: "WRONG_NUMBER", bookedById: agent.id, bookedAt: new Date(earlierSlot.startsAt.getTime() - 86_400_000), closedAt: calledAt,
    },
  });
  await tx.callbackAttempt.create({ data: { appointmentId: wrong.id, handlerId: handler.id, outcome: "WRONG_NUMBER", note: "Een bedrijf nam op; kent geen Bram de Vries", attemptedAt: calledAt } });
  await tx.contactNote.create({
    data: { subjectId: bram.id, subjectPhone: oldNumber, kind: "WRONG_NUMBER", body: wrongNumberNoteText(oldNumber, earlier, "AFTERNOON", "nl"), appointmentId: wrong.id, authorId: handler.id, createdAt: calledAt },
  });

  // Bram: two callbacks on the next working day, one per slot, for the work list: one per question
  // (a question has one booked callback at a time); the morning one books again the question whose
  // number was wrong.
  const next = nextWorkingDay(now, DEFAULT_CALENDAR_SETTINGS);
  for (const [slot, ticket] of [["MORNING", bramTicket], ["AFTERNOON", bramOtherTicket]] as const) {
    await tx.callbackAppointment.create({
      data: { ticketId: ticket.id, personId: bram.id, teamId: team.id, date: next, slot, slotStart: slotWindow(next, slot).startsAt, phone: bram.phone ?? "0687654321", bookedById: agent.id, bookedAt: now, isRepeat: ticket === bramTicket },
    });
  }
  await tx.callRecord.create({
    data: { ticketId: bramTicket.id, agentId: agent.id, callerId: bram.id, callerName: bram.name, phone: bram.phone, summary: "Belde over de foutmelding; terugbelafspraak gemaakt.", startedAt: new Date(now.getTime() - 2 * 3_600_000) },
  });

  await tx.kbArticle.createMany({
    data: [
      { kind: "CALL_SCRIPT", audience: "INTERNAL", published: true, question: "Belscript: werkgever kondigt een spoedverzoek aan", answer: "Noteer werkgever, naam beller, onderwerp, waarom het spoed is en voor wie. Leg de vooraankondiging vast en draag warm over aan een behandelaar. Vraag de werkgever het verzoek schriftelijk te bevestigen via het portaal of per mail met 'spoed' in het onderwerp.", tags: ["spoed", "werkgever"] },
      { kind: "ARTICLE", audience: "PUBLIC", published: true, locale: "en", question: "When is my benefit paid?", answer: "We pay your benefit around the 23rd of the month. If that day falls in a weekend, we pay on the working day before.", tags: ["payment"] },
      { kind: "ARTICLE", audience: "INTERNAL", published: false, question: "Concept: nieuwe werkwijze jaaropgaven", answer: "Nog in bewerking door de coördinator.", tags: ["jaaropgave"] },
    ],
  });
}
