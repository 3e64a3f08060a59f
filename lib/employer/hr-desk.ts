import "server-only";
import { fixedHandlerFor } from "@/lib/org-admin/fixed-handler";
import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { CallbackRuleError, bookCallback } from "@/lib/callbacks/mutations";
import { listTeamSlots } from "@/lib/callbacks/queries";
import { phoneSchema } from "@/lib/callbacks/schema";
import { callbackAcknowledgementText } from "@/lib/callbacks/texts";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import type { SessionUser } from "@/lib/auth/queries";
import { db, type Tx } from "@/lib/db/client";
import { createTicket, TicketRuleError } from "@/lib/tickets/mutations";

export const hrDeskSchema = z.object({
  subject: limitedText(200, 3),
  body: limitedText(5000, 10),
  // Stored as the specialists dial it, spaces and dashes stripped (the same rule as the portal).
  phone: phoneSchema,
  slot: z.string().regex(/^\d{4}-\d{2}-\d{2}:(MORNING|AFTERNOON)$/, "CHOOSE_SLOT"),
});
export type HrDeskInput = z.output<typeof hrDeskSchema>;

// The specialists call back on the HR desk line's days: not on the days only that line is closed.
const HR_DESK_LINE = "HR_DESK";

async function hrTeamId(client: Tx | typeof db): Promise<string | null> {
  const category = await client.ticketCategory.findUnique({ where: { key: "HR_DESK" }, select: { defaultTeamId: true } });
  return category?.defaultTeamId ?? null;
}

/** The specialists' free callback slots, for the HR desk form. */
export async function listHrDeskSlots(now: Date) {
  const teamId = await hrTeamId(db);
  if (!teamId) return [];
  return (await listTeamSlots(db, teamId, now, HR_DESK_LINE)).filter((s) => s.bookable).slice(0, 20);
}

/**
 * A conversation request: an HR_DESK ticket for the specialists with a callback appointment in
 * the chosen slot, in one transaction (a full slot leaves no ticket behind). The automatic reply
 * says when and at which number we call, not the written-answer promise of an ordinary question.
 */
export async function requestHrDesk(tx: Tx, actor: { id: string; organisationId: string }, input: HrDeskInput, now: Date) {
  const teamId = await hrTeamId(tx);
  if (!teamId) throw new TicketRuleError("UNKNOWN_CATEGORY");
  const [date, slot] = input.slot.split(":") as [string, "MORNING" | "AFTERNOON"];
  const ticket = await createTicket(
    tx,
    {
      subject: input.subject,
      categoryKey: "HR_DESK",
      channel: "PORTAL",
      body: input.body,
      requesterId: actor.id,
      organisationId: actor.organisationId,
      authorId: actor.id,
      requesterPhone: input.phone,
      replyChannel: "PHONE",
      teamId,
      acknowledge: false,
      assigneeId: await fixedHandlerFor(tx, actor.organisationId),
    },
    now,
  );
  const appointment = await bookCallback(tx, { ticketId: ticket.id, personId: actor.id, teamId, date, slot, phone: input.phone, bookedById: actor.id, lineKey: HR_DESK_LINE }, now);
  const requester = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true } });
  await tx.message.create({
    data: {
      ticketId: ticket.id,
      direction: "OUTBOUND",
      channel: "PORTAL",
      automatic: true,
      body: callbackAcknowledgementText({ number: ticket.number, subject: input.subject, date, slot, phone: input.phone, locale: requester.locale }),
      createdAt: now,
    },
  });
  return { number: ticket.number, appointmentId: appointment.id };
}

const appointmentSelect = { id: true, date: true, slot: true, phone: true, status: true, ticket: { select: { number: true, subject: true } } } as const;

/** The contact's own HR-desk conversations from today on, soonest first (the HR desk page). */
export function listMyHrDeskAppointments(user: SessionUser, now: Date) {
  if (!user.organisationId) return Promise.resolve([]);
  return db.callbackAppointment.findMany({
    where: { personId: user.id, date: { gte: amsterdamDateKey(now) }, ticket: { organisationId: user.organisationId, category: { key: "HR_DESK" } } },
    orderBy: { slotStart: "asc" },
    take: 20,
    select: appointmentSelect,
  });
}

/** The callback appointments on one of the organisation's tickets that this contact booked. */
export function listTicketAppointmentsOfContact(user: SessionUser, ticketId: string) {
  if (!user.organisationId) return Promise.resolve([]);
  return db.callbackAppointment.findMany({
    where: { ticketId, personId: user.id, ticket: { organisationId: user.organisationId } },
    orderBy: { slotStart: "desc" },
    take: 10,
    select: appointmentSelect,
  });
}

export const requestHrDeskConversation = defineAction({
  name: "employer.hrDesk",
  schema: hrDeskSchema,
  permission: "employer.hrdesk.use",
  handler: async (input, { user, now }) => {
    if (!user.organisationId || !user.hrProfessional) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    try {
      return ok(await db.$transaction((tx) => requestHrDesk(tx, actor, input, now)));
    } catch (error) {
      if (error instanceof CallbackRuleError || error instanceof TicketRuleError) return fail(error.code);
      throw error;
    }
  },
});

export function mayUseHrDesk(user: SessionUser): boolean {
  return user.role === "EMPLOYER_CONTACT" && user.hrProfessional && user.organisationId !== null;
}
