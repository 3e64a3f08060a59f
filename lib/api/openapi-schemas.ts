// Response shapes for the OpenAPI document. Requests are described by the very schemas that
// validate them (ticket-schema.ts and the workspace's); these describe what handlers return.
import { z } from "zod";

const ref = z.object({ id: z.string(), name: z.string() });

export const problemSchema = z
  .object({
    type: z.string().meta({ example: "/api/v1/problems/invalid-input" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().meta({ description: "The refusal as a stable code, e.g. INVALID_INPUT, NOT_FOUND, TICKET_CLOSED." }),
    errors: z.array(z.object({ pointer: z.string().meta({ example: "#/subject" }), detail: z.string().meta({ example: "TOO_SHORT" }) })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

export const ticketSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().meta({ example: "LK-2026-000010" }),
    subject: z.string(),
    status: z.enum(["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"]),
    priority: z.enum(["NORMAL", "HIGH", "URGENT"]),
    channel: z.enum(["PORTAL", "EMAIL", "PHONE", "CHAT", "LETTER"]),
    category: z.string(),
    slaState: z
      .enum(["ON_TRACK", "AT_RISK", "BREACHED"])
      .nullable()
      .meta({ description: "The answer clock's state at the moment of the request (an answered clock: as it was answered); the list's `sla` filter judges the same way." }),
    slaDueAt: z.iso.datetime().nullable(),
    team: ref.nullable(),
    assignee: ref.nullable(),
    requester: ref.extend({ email: z.string() }).nullable(),
    organisation: ref.extend({ externalNumber: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "TicketSummary" });

export const messageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["INBOUND", "OUTBOUND", "INTERNAL"]),
    channel: z.enum(["PORTAL", "EMAIL", "PHONE", "CHAT", "LETTER"]),
    body: z.string(),
    automatic: z.boolean(),
    createdAt: z.iso.datetime(),
    author: ref.nullable(),
    attachments: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number().int() })),
  })
  .meta({ id: "Message" });

export const ticketDetailSchema = ticketSummarySchema.extend({ messages: z.array(messageSchema) }).meta({ id: "Ticket" });

export const ticketPageSchema = z.object({ data: z.array(ticketSummarySchema), nextCursor: z.string().nullable() }).meta({ id: "TicketPage" });

export const replyResultSchema = z.object({ messageId: z.string(), channel: z.string(), outboxId: z.string().nullable() }).meta({ id: "ReplyResult" });

const orgRef = z.object({ id: z.string(), name: z.string(), externalNumber: z.string() });

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable().meta({ description: "Null for a beneficiary known only by post: answers go by letter, and there is no portal invitation until an address is set." }),
    role: z.enum(["BENEFICIARY", "EMPLOYER_CONTACT"]),
    clientNumber: z.string().nullable(),
    phone: z.string().nullable(),
    locale: z.enum(["nl", "en"]),
    active: z.boolean(),
    postalStreet: z.string().nullable(),
    postalCode: z.string().nullable(),
    postalCity: z.string().nullable(),
    createdAt: z.iso.datetime(),
    organisations: z.array(orgRef),
  })
  .meta({ id: "Person" });

export const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    externalNumber: z.string(),
    // What eHerkenning asserts for the company; an employer contact's eHerkenning login must carry one of them.
    kvkNumber: z.string().nullable(),
    rsin: z.string().nullable(),
    kind: z.enum(["EMPLOYER", "PARTNER"]),
    isPartner: z.boolean(),
    twoFactorRequired: z.boolean(),
    active: z.boolean(),
    customerSuccessManagerId: z.string().nullable(),
    fixedCaseHandlerId: z.string().nullable(),
    postalStreet: z.string().nullable(),
    postalCode: z.string().nullable(),
    postalCity: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Organisation" });
