// /api/v1/callbacks: free slots for a ticket's team, booking and cancelling an appointment.
import "server-only";
import { listTeamSlots } from "@/lib/callbacks/queries";
import { db } from "@/lib/db/client";
import { portalTeamId } from "@/lib/portal/teams";
import { bookCallbackForCustomer, cancelCallbackForCustomer } from "./callback-commands";
import { apiBookSchema, slotsQuery } from "./callback-schema";
import { fromAction, notFound, parseInput, queryObject, type ApiEndpoint } from "./route";
import { requireApiTicket } from "./ticket-queries";

export const slotsEndpoint: ApiEndpoint = {
  scope: "callbacks:read",
  permission: bookCallbackForCustomer.permission,
  handler: async ({ caller, url, now }) => {
    const ticketId = await requireApiTicket(caller, parseInput(slotsQuery, queryObject(url)).ticketId);
    const offers = await listTeamSlots(db, await portalTeamId(db, ticketId), now);
    const open = offers.filter((o) => o.bookable).map((o) => ({ date: o.date, slot: o.kind, startsAt: o.startsAt, endsAt: o.endsAt, remaining: o.remaining }));
    return { status: 200, body: { data: open } };
  },
};

export const bookEndpoint: ApiEndpoint = {
  scope: "callbacks:write",
  permission: bookCallbackForCustomer.permission,
  idempotent: true,
  handler: async ({ caller, user, params, body, now }) => {
    const ticketId = await requireApiTicket(caller, params.id ?? "");
    const input = parseInput(apiBookSchema, body);
    return fromAction(await bookCallbackForCustomer.execute(user, { ...input, ticketId }, now), 201);
  },
};

export const cancelEndpoint: ApiEndpoint = {
  scope: "callbacks:write",
  permission: cancelCallbackForCustomer.permission,
  handler: async ({ caller, user, params, now }) => {
    const appointment = await db.callbackAppointment.findUnique({ where: { id: params.id ?? "" }, select: { ticketId: true } });
    if (!appointment) notFound();
    // Through the ticket: the token's organisation limit and the staff scope in one check.
    await requireApiTicket(caller, appointment.ticketId);
    return fromAction(await cancelCallbackForCustomer.execute(user, { appointmentId: params.id }, now));
  },
};
