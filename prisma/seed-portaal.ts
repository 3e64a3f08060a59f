// Demo rows for the beneficiary portal: Anna has a stage-1 complaint that was answered (so the
// "ask the internal ombudsman" step can be shown) and rated one resolved question.
// Wired in by the lead: `await seedPortaal(tx, now)` after the main seed.
import { amsterdamDateKey, DEFAULT_CALENDAR_SETTINGS, dueAfterWorkingDays } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";
import { nextTicketNumber } from "@/lib/tickets/numbers";

export async function seedPortaal(tx: Tx, now: Date): Promise<void> {
  const [anna, coordinator, category] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } }),
    tx.ticketCategory.findUniqueOrThrow({ where: { key: "COMPLAINT" } }),
  ]);
  const subject = await tx.ticket.findFirstOrThrow({ where: { requesterId: anna.id, status: "CLOSED" }, orderBy: { createdAt: "asc" } });
  const receivedAt = new Date(now.getTime() - 3 * 86_400_000);
  const answeredAt = new Date(now.getTime() - 86_400_000);
  const number = await nextTicketNumber(tx, Number(amsterdamDateKey(now).slice(0, 4)));
  const ticket = await tx.ticket.create({
    data: {
      number,
      subject: `Klacht over ${subject.number}`,
      categoryId: category.id,
      channel: "PORTAL",
      status: "RESOLVED",
      audience: "BENEFICIARY",
      requesterId: anna.id,
      requesterName: anna.name,
      requesterEmail: anna.email,
      teamId: subject.teamId,
      assigneeId: coordinator.id,
      slaPolicyKey: "COMPLAINT",
      slaStartedAt: receivedAt,
      slaDueAt: dueAfterWorkingDays(receivedAt, 5, DEFAULT_CALENDAR_SETTINGS),
      slaState: "ON_TRACK",
      slaStoppedAt: answeredAt,
      resolvedAt: answeredAt,
      firstResponseAt: answeredAt,
      lastActivityAt: answeredAt,
      createdAt: receivedAt,
      messages: {
        create: [
          { direction: "INBOUND", channel: "PORTAL", authorId: anna.id, body: "Ik ben drie keer niet teruggebeld.", createdAt: receivedAt },
          {
            direction: "OUTBOUND",
            channel: "PORTAL",
            authorId: coordinator.id,
            body: "Excuses dat wij u niet hebben teruggebeld. Wij hebben dit met het team besproken. Niet tevreden? U kunt de interne ombudsman vragen uw klacht te bekijken.",
            createdAt: answeredAt,
          },
        ],
      },
    },
  });
  const complaint = await tx.complaint.create({
    data: {
      ticketId: ticket.id,
      subjectTicketId: subject.id,
      complainantId: anna.id,
      lastContactDate: amsterdamDateKey(new Date(receivedAt.getTime() - 86_400_000)),
      description: "Ik ben drie keer niet teruggebeld.",
      stage: "STAGE_1",
      status: "ANSWERED",
      ownerId: coordinator.id,
      receivedAt,
      stageStartedAt: receivedAt,
      dueAt: ticket.slaDueAt,
      firstStageDueAt: ticket.slaDueAt,
      answeredAt,
    },
  });
  // The desk's answer, as the complaint KPI reads it.
  await tx.ticketEvent.create({ data: { ticketId: ticket.id, actorId: coordinator.id, kind: "complaint_answer", data: { complaintId: complaint.id, stage: "STAGE_1" }, createdAt: answeredAt } });
}
