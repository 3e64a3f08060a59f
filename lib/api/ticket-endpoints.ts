// /api/v1/tickets: each endpoint calls the command its workspace server action calls.
import "server-only";
import { db } from "@/lib/db/client";
import { changeTicketFields, replyToTicket } from "@/lib/workspace/commands";
import { ApiProblem } from "./problem";
import { fromAction, parseInput, queryObject, type ApiContext, type ApiEndpoint } from "./route";
import { createTicketForCustomer } from "./ticket-commands";
import { apiTicketDetail, listApiMessages, listApiTickets, requireApiTicket } from "./ticket-queries";
import { apiChangeSchema, apiReplySchema, createTicketSchema, messageListQuery, ticketListQuery } from "./ticket-schema";

export const listTicketsEndpoint: ApiEndpoint = {
  scope: "tickets:read",
  permission: "workspace.ticket.read",
  handler: async ({ caller, url }) => ({ status: 200, body: await listApiTickets(caller, parseInput(ticketListQuery, queryObject(url))) }),
};

export const readTicketEndpoint: ApiEndpoint = {
  scope: "tickets:read",
  permission: "workspace.ticket.read",
  handler: async ({ caller, params }) => ({ status: 200, body: await apiTicketDetail(caller, await requireApiTicket(caller, params.id ?? "")) }),
};

export const listMessagesEndpoint: ApiEndpoint = {
  scope: "tickets:read",
  permission: "workspace.ticket.read",
  handler: async ({ caller, params, url }) => {
    const ticketId = await requireApiTicket(caller, params.id ?? "");
    return { status: 200, body: await listApiMessages(caller, ticketId, parseInput(messageListQuery, queryObject(url))) };
  },
};

/** An organisation-limited token opens tickets for its organisation only, for its people only. */
async function narrowNewTicket(ctx: ApiContext, input: ReturnType<typeof createTicketSchema.parse>) {
  const organisationId = ctx.caller.organisationId;
  if (!organisationId) return input;
  if (input.organisationId && input.organisationId !== organisationId) {
    throw new ApiProblem(422, "INVALID_INPUT", "This token works for one organisation only.", [{ pointer: "#/organisationId", detail: "ORGANISATION_OUT_OF_SCOPE" }]);
  }
  if (input.requesterId) {
    const member = await db.membership.findFirst({ where: { userId: input.requesterId, organisationId }, select: { id: true } });
    if (!member) throw new ApiProblem(404, "REQUESTER_NOT_FOUND", "No such person in this token's organisation.");
  }
  return { ...input, organisationId };
}

export const createTicketEndpoint: ApiEndpoint = {
  scope: "tickets:write",
  permission: createTicketForCustomer.permission,
  idempotent: true,
  handler: async (ctx) => {
    const input = await narrowNewTicket(ctx, parseInput(createTicketSchema, ctx.body));
    const created = fromAction(await createTicketForCustomer.execute(ctx.user, input, ctx.now), 201);
    const { id } = created.body as { id: string };
    return { status: 201, body: await apiTicketDetail(ctx.caller, id).catch(() => created.body) };
  },
};

export const changeTicketEndpoint: ApiEndpoint = {
  scope: "tickets:write",
  permission: changeTicketFields.permission,
  handler: async ({ caller, user, params, body, now }) => {
    const ticketId = await requireApiTicket(caller, params.id ?? "");
    const input = parseInput(apiChangeSchema, body);
    fromAction(await changeTicketFields.execute(user, { ...input, ticketId }, now));
    return { status: 200, body: await apiTicketDetail(caller, ticketId) };
  },
};

export const replyEndpoint: ApiEndpoint = {
  scope: "tickets:write",
  permission: replyToTicket.permission,
  idempotent: true,
  handler: async ({ caller, user, params, body, now }) => {
    const ticketId = await requireApiTicket(caller, params.id ?? "");
    const input = parseInput(apiReplySchema, body);
    const sent = fromAction(await replyToTicket.execute(user, { ...input, ticketId, files: [] }, now), 201);
    return { status: 201, body: sent.body };
  },
};
