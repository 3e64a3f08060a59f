// Demo rows for complaints beyond Anna's (seed-portaal.ts): Bakkerij Van Dijk has an answered
// stage-1 complaint, so the employer portal can show "ask the internal ombudsman"; Bram's
// complaint was handed to the ombudsman by the coordinator, with the reason he reads on his page.
import { amsterdamDateKey, DEFAULT_CALENDAR_SETTINGS, dueAfterWorkingDays } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";
import { restartClock } from "@/lib/tickets/answer-clock";
import { nextTicketNumber } from "@/lib/tickets/numbers";

interface DemoComplaint {
  complainantId: string;
  organisationId: string | null;
  subject: { id: string; number: string; teamId: string | null };
  ownerId: string;
  receivedAt: Date;
  answeredAt: Date | null;
  description: string;
  answer: string | null;
}

async function complaintTicket(tx: Tx, c: DemoComplaint, categoryId: string, now: Date) {
  const requester = await tx.user.findUniqueOrThrow({ where: { id: c.complainantId }, select: { name: true, email: true } });
  const due = dueAfterWorkingDays(c.receivedAt, 5, DEFAULT_CALENDAR_SETTINGS);
  const ticket = await tx.ticket.create({
    data: {
      number: await nextTicketNumber(tx, Number(amsterdamDateKey(now).slice(0, 4))),
      subject: `Klacht over ${c.subject.number}`,
      categoryId,
      channel: "PORTAL",
      status: c.answeredAt ? "RESOLVED" : "OPEN",
      audience: c.organisationId ? "EMPLOYER" : "BENEFICIARY",
      requesterId: c.complainantId,
      requesterName: requester.name,
      requesterEmail: requester.email,
      organisationId: c.organisationId,
      teamId: c.subject.teamId,
      assigneeId: c.ownerId,
      slaPolicyKey: "COMPLAINT",
      slaStartedAt: c.receivedAt,
      slaDueAt: due,
      slaState: "ON_TRACK",
      slaStoppedAt: c.answeredAt,
      resolvedAt: c.answeredAt,
      firstResponseAt: c.answeredAt,
      lastActivityAt: c.answeredAt ?? c.receivedAt,
      createdAt: c.receivedAt,
      messages: {
        create: [
          { direction: "INBOUND", channel: "PORTAL", authorId: c.complainantId, body: c.description, createdAt: c.receivedAt },
          ...(c.answer && c.answeredAt ? [{ direction: "OUTBOUND" as const, channel: "PORTAL" as const, authorId: c.ownerId, body: c.answer, createdAt: c.answeredAt }] : []),
        ],
      },
    },
  });
  return { ticket, due };
}

export async function seedComplaints(tx: Tx, now: Date): Promise<void> {
  const [tom, bram, coordinator, ombuds, vandijk, category] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "tom.visser@vandijk.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "ombudsman@loket.example" } }),
    tx.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } }),
    tx.ticketCategory.findUniqueOrThrow({ where: { key: "COMPLAINT" } }),
  ]);

  // Van Dijk: answered in stage 1, two days ago.
  const vandijkSubject = await tx.ticket.findFirstOrThrow({ where: { organisationId: vandijk.id, category: { key: "PROCEDURE" } }, orderBy: { createdAt: "asc" } });
  const employer: DemoComplaint = {
    complainantId: tom.id,
    organisationId: vandijk.id,
    subject: vandijkSubject,
    ownerId: coordinator.id,
    receivedAt: new Date(now.getTime() - 4 * 86_400_000),
    answeredAt: new Date(now.getTime() - 2 * 86_400_000),
    description: "Onze vraag over de uitdiensttreding is twee keer doorgestuurd zonder dat iemand reageerde.",
    answer: "Excuses: uw vraag is tussen twee teams blijven liggen. Wij hebben de werkverdeling aangepast.",
  };
  const vandijkTicket = await complaintTicket(tx, employer, category.id, now);
  const vandijkComplaint = await tx.complaint.create({
    data: {
      ticketId: vandijkTicket.ticket.id, subjectTicketId: vandijkSubject.id, organisationId: vandijk.id, complainantId: tom.id,
      lastContactDate: amsterdamDateKey(new Date(employer.receivedAt.getTime() - 86_400_000)), description: employer.description,
      stage: "STAGE_1", status: "ANSWERED", ownerId: coordinator.id, receivedAt: employer.receivedAt, stageStartedAt: employer.receivedAt,
      dueAt: vandijkTicket.due, firstStageDueAt: vandijkTicket.due, answeredAt: employer.answeredAt,
    },
  });
  await tx.ticketEvent.create({ data: { ticketId: vandijkTicket.ticket.id, actorId: coordinator.id, kind: "complaint_answer", data: { complaintId: vandijkComplaint.id, stage: "STAGE_1" }, createdAt: employer.answeredAt! } });

  // Bram: the coordinator could not settle it inside the line and handed it to the ombudsman.
  const bramSubject = await tx.ticket.findFirstOrThrow({ where: { requesterId: bram.id }, orderBy: { createdAt: "asc" } });
  const referredAt = new Date(now.getTime() - 86_400_000);
  const beneficiary: DemoComplaint = {
    complainantId: bram.id,
    organisationId: null,
    subject: bramSubject,
    ownerId: ombuds.id,
    receivedAt: new Date(now.getTime() - 3 * 86_400_000),
    answeredAt: null,
    description: "Mijn foutmelding is drie keer anders uitgelegd door drie medewerkers.",
    answer: null,
  };
  const bramTicket = await complaintTicket(tx, beneficiary, category.id, now);
  const ombudsDue = dueAfterWorkingDays(referredAt, 5, DEFAULT_CALENDAR_SETTINGS);
  // The ombudsman's answer clock runs on the complaint's ticket from the referral, as moveToOmbudsman starts it.
  await restartClock(tx, bramTicket.ticket.id, "COMPLAINT", referredAt);
  const bramComplaint = await tx.complaint.create({
    data: {
      ticketId: bramTicket.ticket.id, subjectTicketId: bramSubject.id, complainantId: bram.id, description: beneficiary.description,
      lastContactDate: amsterdamDateKey(new Date(beneficiary.receivedAt.getTime() - 86_400_000)),
      stage: "STAGE_2", status: "OPEN", ownerId: ombuds.id, receivedAt: beneficiary.receivedAt, stageStartedAt: referredAt,
      dueAt: ombudsDue, firstStageDueAt: bramTicket.due, ombudsRequestedAt: referredAt, ombudsRequestedById: coordinator.id,
      ombudsReason: "Twee teams geven een andere uitleg over uw foutmelding. Wij willen dat de onafhankelijke ombudsman beoordeelt welke juist is.",
    },
  });
  await tx.ticketEvent.create({ data: { ticketId: bramTicket.ticket.id, actorId: coordinator.id, kind: "complaint_ombudsman", data: { complaintId: bramComplaint.id }, createdAt: referredAt } });
}
