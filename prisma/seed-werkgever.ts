// Demo rows for the employer portal: an open phone pre-announcement for Zorggroep Noord (so its
// urgent request links to it) and an overdue tier-1 escalation of Bakkerij Van Dijk (so tier 2 can
// be shown), and Eva's HR-desk conversation with its booked callback (so the HR desk page, the
// specialists' callback list and the automatic reply can be seen). Looks the demo users and
// organisations up by address and number.
import { slotWindow } from "@/lib/callbacks/rules";
import { callbackAcknowledgementText } from "@/lib/callbacks/texts";
import { DEFAULT_CALENDAR_SETTINGS, amsterdamDateKey, nextWorkingDay, startOfAmsterdamDay } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";
import { computeClock, DEFAULT_SLA_POLICIES } from "@/lib/sla/rules";
import { nextTicketNumber } from "@/lib/tickets/numbers";
import { workingDaysBefore } from "./seed-agent";

export async function seedWerkgever(tx: Tx, now: Date): Promise<void> {
  const [agent, coordinator, lisa, eva, zorgnoord, vandijk] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } }),
    tx.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } }),
    tx.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } }),
  ]);
  const handler = await tx.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
  await tx.preAnnouncement.create({
    data: {
      organisationId: zorgnoord.id,
      callerName: lisa.name,
      subject: "Loonbeslag nieuwe medewerker",
      reason: "De salarisrun sluit morgen",
      forWhom: "Personeelsnummer 4410",
      loggedById: agent.id,
      handedOverToId: handler.id,
      createdAt: new Date(now.getTime() - 30 * 60_000),
    },
  });
  const ticket = await tx.ticket.findFirst({ where: { organisationId: vandijk.id, status: "OPEN" }, orderBy: { createdAt: "asc" } });
  // Raised three working days ago at 10:00, due by its tier's policy as raiseEscalation sets it:
  // overdue whatever weekday the demo starts on.
  const raisedAt = new Date(startOfAmsterdamDay(workingDaysBefore(amsterdamDateKey(now), 3)).getTime() + 10 * 3_600_000);
  const due = computeClock({ policy: DEFAULT_SLA_POLICIES.ESCALATION_TIER_1, startedAt: raisedAt, pauses: [], now, settings: DEFAULT_CALENDAR_SETTINGS }).dueAt;
  await tx.escalation.create({
    data: {
      ticketId: ticket?.id ?? null,
      organisationId: vandijk.id,
      tier: 1,
      reason: "Wij wachten al twee weken op een antwoord over de uitdiensttreding.",
      raisedById: eva.id,
      raisedAt,
      ownerId: coordinator.id,
      dueAt: due,
    },
  });
  await seedHrDeskConversation(tx, eva, vandijk.id, now);
}

/** What requestHrDesk writes (lib/employer/hr-desk.ts), as rows: the seed cannot load server code. */
async function seedHrDeskConversation(tx: Tx, eva: { id: string; name: string; email: string | null }, organisationId: string, now: Date) {
  const category = await tx.ticketCategory.findUniqueOrThrow({ where: { key: "HR_DESK" } });
  if (!category.defaultTeamId) return;
  const askedAt = new Date(now.getTime() - 60 * 60_000);
  const clock = computeClock({ policy: DEFAULT_SLA_POLICIES.WRITTEN_QUESTION, startedAt: askedAt, pauses: [], now, settings: DEFAULT_CALENDAR_SETTINGS });
  // The working day after the next one, afternoon: inside the booking horizon, after the demo's own
  // appointments of tomorrow.
  const date = nextWorkingDay(new Date(`${nextWorkingDay(now, DEFAULT_CALENDAR_SETTINGS)}T12:00:00Z`), DEFAULT_CALENDAR_SETTINGS);
  const phone = "0201234599";
  const subject = "Re-integratie van een langdurig zieke medewerker";
  const number = await nextTicketNumber(tx, Number(amsterdamDateKey(now).slice(0, 4)));
  const ticket = await tx.ticket.create({
    data: {
      number,
      subject,
      categoryId: category.id,
      channel: "PORTAL",
      replyChannel: "PHONE",
      audience: "EMPLOYER",
      requesterId: eva.id,
      requesterName: eva.name,
      requesterEmail: eva.email,
      requesterPhone: phone,
      organisationId,
      teamId: category.defaultTeamId,
      slaPolicyKey: "WRITTEN_QUESTION",
      slaStartedAt: askedAt,
      slaDueAt: clock.dueAt,
      slaAtRiskAt: clock.atRiskAt,
      slaState: clock.state,
      // In the sweep's schedule like every running clock (it was missing, so this question never ran late).
      ...(clock.nextChangeAt ? { slaCheck: { create: { at: clock.nextChangeAt } } } : {}),
      lastActivityAt: askedAt,
      createdAt: askedAt,
      messages: {
        create: [
          { direction: "INBOUND", channel: "PORTAL", authorId: eva.id, body: "Een medewerker is al acht maanden ziek. Wat moeten wij nu regelen voor het re-integratieverslag?", createdAt: askedAt },
          { direction: "OUTBOUND", channel: "PORTAL", automatic: true, body: callbackAcknowledgementText({ number, subject, date, slot: "AFTERNOON", phone, locale: "nl" }), createdAt: askedAt },
        ],
      },
    },
  });
  await tx.callbackAppointment.create({
    data: { ticketId: ticket.id, personId: eva.id, teamId: category.defaultTeamId, date, slot: "AFTERNOON", slotStart: slotWindow(date, "AFTERNOON").startsAt, phone, bookedById: eva.id, bookedAt: askedAt },
  });
}
