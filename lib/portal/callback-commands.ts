import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { assertNoBookedAppointment, CallbackRuleError, bookCallback, cancelCallback, moveCallback } from "@/lib/callbacks/mutations";
import { portalBookSchema, portalCancelSchema, portalMoveSchema } from "@/lib/callbacks/schema";
import { db } from "@/lib/db/client";
import { createTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { portalTeamId } from "./teams";

/** Refusals are returned; everything else bubbles to defineAction's generic error. */
class PortalRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function refusal(error: unknown) {
  if (error instanceof CallbackRuleError || error instanceof TicketRuleError || error instanceof PortalRefusal) return fail(error.code);
  throw error;
}

/** A beneficiary books a callback for one of their own tickets, or for a new question. */
export const bookPortalCallback = defineAction({
  name: "portal.callback.book",
  schema: portalBookSchema,
  permission: "portal.callback.book",
  handler: async (input, { user, now }) => {
    try {
      const result = await db.$transaction(async (tx) => {
        let ticketId = input.ticketId;
        if (ticketId) {
          const own = await tx.ticket.findFirst({ where: { id: ticketId, requesterId: user.id }, select: { id: true, status: true } });
          if (!own) throw new PortalRefusal("NOT_FOUND");
          if (own.status === "CLOSED") throw new PortalRefusal("TICKET_CLOSED");
          await assertNoBookedAppointment(tx, ticketId);
        } else {
          const created = await createTicket(
            tx,
            { subject: (input.question ?? "").slice(0, 120), categoryKey: "GENERAL_QUESTION", channel: "PORTAL", body: input.question ?? "", requesterId: user.id, authorId: user.id, replyChannel: "PHONE" },
            now,
          );
          ticketId = created.id;
        }
        const teamId = await portalTeamId(tx, ticketId);
        const booked = await bookCallback(tx, { ticketId, personId: user.id, teamId, date: input.date, slot: input.slot, phone: input.phone, bookedById: user.id }, now);
        return { id: booked.id, ticketId };
      });
      return ok(result);
    } catch (error) {
      return refusal(error);
    }
  },
});

async function ownAppointment(appointmentId: string, personId: string): Promise<boolean> {
  const found = await db.callbackAppointment.findFirst({ where: { id: appointmentId, personId }, select: { id: true } });
  return found !== null;
}

export const movePortalCallback = defineAction({
  name: "portal.callback.move",
  schema: portalMoveSchema,
  permission: "portal.callback.change",
  handler: async (input, { user, now }) => {
    if (!(await ownAppointment(input.appointmentId, user.id))) return fail("NOT_FOUND");
    try {
      return ok(await db.$transaction((tx) => moveCallback(tx, { appointmentId: input.appointmentId, date: input.date, slot: input.slot, actorId: user.id }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

export const cancelPortalCallback = defineAction({
  name: "portal.callback.cancel",
  schema: portalCancelSchema,
  permission: "portal.callback.change",
  handler: async (input, { user, now }) => {
    if (!(await ownAppointment(input.appointmentId, user.id))) return fail("NOT_FOUND");
    try {
      return ok(await db.$transaction((tx) => cancelCallback(tx, { appointmentId: input.appointmentId, actorId: user.id }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
