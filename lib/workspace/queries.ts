import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { readRows } from "@/lib/db/prepared";
import { cachedReference } from "@/lib/reference/cache";
import { slaStateAt } from "@/lib/sla/lifecycle";
import { cachedTeams } from "@/lib/tickets/queries";
import { recordDossierView } from "./mutations";
import { isDossierTicket, staffScopeSql } from "./scope";
import { sortTimeline, type TimelineEntry } from "./timeline";

/** A ticket id that came out of the staff scope: what the timeline takes, so it cannot be skipped. */
export type ScopedTicketId = string & { readonly __scope: "staff" };

/** What the ticket page reads with a ticket, as a Prisma include: the shape getStaffTicket returns (its test reads the same through Prisma). */
export const staffTicketInclude = {
  category: true,
  team: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  // The postal fields give the page its letter address without a second scoped read.
  requester: { select: { id: true, name: true, email: true, phone: true, clientNumber: true, postalStreet: true, postalCode: true, postalCity: true } },
  organisation: { select: { id: true, name: true, externalNumber: true, postalStreet: true, postalCode: true, postalCity: true } },
  urgentRequest: true,
  complaint: { select: { stage: true, subjectTicket: { select: { category: { select: { dossierSensitive: true } } } } } },
} satisfies Prisma.TicketInclude;

type LoadedTicket = Prisma.TicketGetPayload<{ include: typeof staffTicketInclude }>;

// Every column of a model under `prefix`, from Prisma's own field list, so a column added to the
// schema is read here too. The names come from the generated client, never from input.
const columns = (alias: string, fields: readonly string[], prefix: string) => fields.map((f) => `${alias}."${f}" AS "${prefix}${f}"`).join(", ");
const selected = (include: Record<string, unknown>) => Object.keys(include);

const TICKET_SELECT = Prisma.raw(
  [
    columns("t", Object.values(Prisma.TicketScalarFieldEnum), "t."),
    columns("c", Object.values(Prisma.TicketCategoryScalarFieldEnum), "category."),
    columns("tm", selected(staffTicketInclude.team.select), "team."),
    columns("a", selected(staffTicketInclude.assignee.select), "assignee."),
    columns("r", selected(staffTicketInclude.requester.select), "requester."),
    columns("o", selected(staffTicketInclude.organisation.select), "organisation."),
    columns("u", Object.values(Prisma.UrgentRequestScalarFieldEnum), "urgentRequest."),
    `cp."stage" AS "complaint.stage", cps."dossierSensitive" AS "complaint.subjectDossierSensitive"`,
  ].join(", "),
);

/** The columns of one relation out of the flat row, or null when its join found nothing (its `key` column is null). */
function part(row: Record<string, unknown>, prefix: string, key = "id"): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (name.startsWith(prefix)) out[name.slice(prefix.length)] = value;
  return out[key] === null || out[key] === undefined ? null : out;
}

/**
 * A ticket as a staff member may see it, or null when it is outside their scope. This is the
 * ticket page's read, so opening a dossier ticket (a complaint about one included) leaves a
 * ticket.dossier_viewed audit event (DESIGN: Security). One prepared statement with the staff
 * scope in SQL (staffScopeSql): through Prisma's include it cost 7 ms of the server's CPU.
 */
export async function getStaffTicket(user: SessionUser, id: string, now = new Date()) {
  const [row] = await readRows<Record<string, unknown>>(
    db,
    Prisma.sql`
      SELECT ${TICKET_SELECT}
      FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId"
        LEFT JOIN "Team" tm ON tm.id = t."teamId"
        LEFT JOIN "User" a ON a.id = t."assigneeId"
        LEFT JOIN "User" r ON r.id = t."requesterId"
        LEFT JOIN "Organisation" o ON o.id = t."organisationId"
        LEFT JOIN "UrgentRequest" u ON u."ticketId" = t.id
        LEFT JOIN "Complaint" cp ON cp."ticketId" = t.id
        LEFT JOIN "Ticket" cpt ON cpt.id = cp."subjectTicketId"
        LEFT JOIN "TicketCategory" cps ON cps.id = cpt."categoryId"
      WHERE t.id = ${id} AND ${staffScopeSql(user)}`,
  );
  if (!row) return null;
  const complaintRow = part(row, "complaint.", "stage");
  const complaint = complaintRow ? { stage: complaintRow.stage as NonNullable<LoadedTicket["complaint"]>["stage"], subjectDossierSensitive: complaintRow.subjectDossierSensitive as boolean } : null;
  const ticket = {
    ...part(row, "t."),
    category: part(row, "category."),
    team: part(row, "team."),
    assignee: part(row, "assignee."),
    requester: part(row, "requester."),
    organisation: part(row, "organisation."),
    urgentRequest: part(row, "urgentRequest."),
    complaint: complaint ? { stage: complaint.stage, subjectTicket: { category: { dossierSensitive: complaint.subjectDossierSensitive } } } : null,
  } as unknown as LoadedTicket;
  if (isDossierTicket({ dossierSensitive: ticket.category.dossierSensitive, complaint })) await recordDossierView(user.id, ticket.id);
  // The answer clock's state as it stands when read, as the queue shows it (not the sweep's last run).
  return { ...ticket, slaState: slaStateAt(ticket, now), id: ticket.id as ScopedTicketId };
}

export type StaffTicket = NonNullable<Awaited<ReturnType<typeof getStaffTicket>>>;

/** One row of the timeline statement; what the columns hold depends on the kind (see timelineSql). */
interface TimelineRow {
  kind: "message" | "event" | "call" | "appointment" | "attempt";
  at: Date;
  id: string;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  flag: boolean | null;
  attachments: { id: string; fileName: string; size: number }[] | null;
}

// The whole timeline in one prepared statement: read through Prisma it took five queries (ten
// statements with their relations), a third of the ticket page's reads. Per kind:
//   message      a direction, b channel, c author, d body, flag automatic, attachments
//   event        a kind, b data.from, c actor, d data.to, e data.state (strings only)
//   call         a direction, c agent, d summary, flag resolved at first contact
//   appointment  a date, b slot, c status
//   attempt      a outcome, c handler, d note
// Appointment and attempt events are left out: those are shown from their own rows, with more detail.
const timelineSql = (ticketId: string) => Prisma.sql`
  SELECT 'message' AS kind, m."createdAt" AS at, m.id, m.direction::text AS a, m.channel::text AS b, au.name AS c, m.body AS d, NULL::text AS e, m.automatic AS flag,
         coalesce((SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'size', f.size) ORDER BY f."createdAt", f.id)
                   FROM "Attachment" f WHERE f."messageId" = m.id), '[]'::json) AS attachments
    FROM "Message" m LEFT JOIN "User" au ON au.id = m."authorId" WHERE m."ticketId" = ${ticketId}
  UNION ALL
  SELECT 'event', e."createdAt", e.id, e.kind,
         CASE WHEN jsonb_typeof(e.data -> 'from') = 'string' THEN e.data ->> 'from' END, ac.name,
         CASE WHEN jsonb_typeof(e.data -> 'to') = 'string' THEN e.data ->> 'to' END,
         CASE WHEN jsonb_typeof(e.data -> 'state') = 'string' THEN e.data ->> 'state' END, NULL, NULL
    FROM "TicketEvent" e LEFT JOIN "User" ac ON ac.id = e."actorId" WHERE e."ticketId" = ${ticketId} AND e.kind NOT LIKE 'callback.%'
  UNION ALL
  SELECT 'call', k."startedAt", k.id, k.direction::text, NULL, ag.name, k.summary, NULL, k."resolvedFirstContact", NULL
    FROM "CallRecord" k JOIN "User" ag ON ag.id = k."agentId" WHERE k."ticketId" = ${ticketId}
  UNION ALL
  SELECT 'appointment', p."bookedAt", p.id, p.date, p.slot::text, p.status::text, NULL, NULL, NULL, NULL
    FROM "CallbackAppointment" p WHERE p."ticketId" = ${ticketId}
  UNION ALL
  SELECT 'attempt', x."attemptedAt", x.id, x.outcome::text, NULL, h.name, x.note, NULL, NULL, NULL
    FROM "CallbackAttempt" x JOIN "CallbackAppointment" p ON p.id = x."appointmentId" JOIN "User" h ON h.id = x."handlerId"
    WHERE p."ticketId" = ${ticketId}`;

function timelineEntry(row: TimelineRow): TimelineEntry {
  const { at, id } = row;
  switch (row.kind) {
    case "message":
      return { kind: "message", at, id, direction: row.a as "INBOUND" | "OUTBOUND" | "INTERNAL", channel: row.b!, author: row.c, body: row.d!, automatic: row.flag!, attachments: row.attachments ?? [] };
    case "event": {
      // The answer that stopped the clock reads as answered in time or after the deadline.
      const event = row.a === "sla.answered" ? (row.e === "BREACHED" ? "sla_answered_late" : "sla_answered") : row.a!;
      return { kind: "event", at, id, event, actor: row.c, from: row.b, to: row.d };
    }
    case "call":
      return { kind: "call", at, id, agent: row.c!, summary: row.d!, resolvedFirstContact: row.flag!, direction: row.a! };
    case "appointment":
      return { kind: "appointment", at, id, date: row.a!, slot: row.b!, status: row.c! };
    case "attempt":
      return { kind: "attempt", at, id, outcome: row.a!, note: row.d!, handler: row.c! };
  }
}

/** Messages (every channel and internal notes), events, calls, appointments and attempts of a ticket the page opened. */
export async function getTimeline(ticket: { id: ScopedTicketId }): Promise<TimelineEntry[]> {
  const rows = await readRows<TimelineRow>(db, timelineSql(ticket.id));
  return sortTimeline(rows.map(timelineEntry));
}

/** Names for what events name (teams by id, categories by key; the page adds users) so the timeline shows them. */
export async function timelineNames(locale: "nl" | "en"): Promise<Map<string, string>> {
  // Categories by key, in the reader's language, inactive ones too (an event may name one).
  const [teams, categories] = await Promise.all([
    cachedTeams(),
    cachedReference(db, "categoryNames", (c) => c.ticketCategory.findMany({ select: { key: true, nameNl: true, nameEn: true } })),
  ]);
  return new Map([...teams.map((t): [string, string] => [t.id, t.name]), ...categories.map((c): [string, string] => [c.key, locale === "en" ? c.nameEn : c.nameNl])]);
}
