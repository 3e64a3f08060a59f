// Booking and cancelling a callback for a customer from the staff side (the API's), with the
// callbacks domain's own bookCallback and cancelCallback: the same capacity lock, mails, events.
import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { assertNoBookedAppointment, bookCallback, cancelCallback, CallbackRuleError } from "@/lib/callbacks/mutations";
import { db } from "@/lib/db/client";
import { portalTeamId } from "@/lib/portal/teams";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { requireScopedTicket } from "@/lib/workspace/mutations";
import { staffTicketScope } from "@/lib/workspace/scope";
import { staffBookSchema, staffCancelSchema } from "./callback-schema";

class BookingRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function refusal(error: unknown) {
  if (error instanceof CallbackRuleError || error instanceof TicketRuleError || error instanceof BookingRefusal) return fail(error.code);
  throw error;
}

export const bookCallbackForCustomer = defineAction({
  name: "callback.book",
  schema: staffBookSchema,
  // Staff book callbacks while logging a call; the same people may book one here.
  permission: "phone.call.log",
  handler: async (input, { user, now }) => {
    try {
      return ok(
        await db.$transaction(async (tx) => {
          const ticket = await requireScopedTicket(tx, user, input.ticketId);
          if (ticket.status === "CLOSED") throw new BookingRefusal("TICKET_CLOSED");
          await assertNoBookedAppointment(tx, ticket.id);
          const requester = await tx.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { requesterId: true } });
          const teamId = await portalTeamId(tx, ticket.id);
          const booked = await bookCallback(tx, { ticketId: ticket.id, personId: requester.requesterId, teamId, date: input.date, slot: input.slot, phone: input.phone, bookedById: user.id }, now);
          return { id: booked.id, ticketId: ticket.id };
        }),
      );
    } catch (error) {
      return refusal(error);
    }
  },
});

export const cancelCallbackForCustomer = defineAction({
  name: "callback.cancel",
  schema: staffCancelSchema,
  permission: "phone.call.log",
  handler: async (input, { user, now }) => {
    const found = await db.callbackAppointment.findFirst({ where: { id: input.appointmentId, ticket: staffTicketScope(user) }, select: { id: true } });
    if (!found) return fail("NOT_FOUND");
    try {
      return ok(await db.$transaction((tx) => cancelCallback(tx, { appointmentId: found.id, actorId: user.id }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
