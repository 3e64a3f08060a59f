import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { cachedTeams } from "@/lib/tickets/queries";
import { recordDossierView } from "./mutations";
import { isDossierTicket, staffTicketScope } from "./scope";
import { sortTimeline, type TimelineEntry } from "./timeline";

/** A ticket id that came out of the staff scope: what the timeline takes, so it cannot be skipped. */
export type ScopedTicketId = string & { readonly __scope: "staff" };

/**
 * A ticket as a staff member may see it, or null when it is outside their scope. This is the
 * ticket page's read, so opening a dossier ticket (a complaint about one included) leaves a
 * ticket.dossier_viewed audit event (DESIGN: Security).
 */
export async function getStaffTicket(user: SessionUser, id: string) {
  const ticket = await db.ticket.findFirst({
    where: { AND: [{ id }, staffTicketScope(user)] },
    include: {
      category: true,
      team: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      // The postal fields give the page its letter address without a second scoped read.
      requester: { select: { id: true, name: true, email: true, phone: true, clientNumber: true, postalStreet: true, postalCode: true, postalCity: true } },
      organisation: { select: { id: true, name: true, externalNumber: true, postalStreet: true, postalCode: true, postalCity: true } },
      urgentRequest: true,
      complaint: { select: { stage: true, subjectTicket: { select: { category: { select: { dossierSensitive: true } } } } } },
    },
  });
  if (!ticket) return null;
  const complaint = ticket.complaint ? { stage: ticket.complaint.stage, subjectDossierSensitive: ticket.complaint.subjectTicket.category.dossierSensitive } : null;
  if (isDossierTicket({ dossierSensitive: ticket.category.dossierSensitive, complaint })) await recordDossierView(user.id, ticket.id);
  return { ...ticket, id: ticket.id as ScopedTicketId };
}
export type StaffTicket = NonNullable<Awaited<ReturnType<typeof getStaffTicket>>>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Messages (every channel and internal notes), events, calls, appointments and attempts of a ticket the page opened. */
export async function getTimeline(ticket: { id: ScopedTicketId }): Promise<TimelineEntry[]> {
  const ticketId: string = ticket.id;
  const [messages, events, calls, appointments] = await Promise.all([
    db.message.findMany({
      where: { ticketId },
      include: { author: { select: { name: true } }, attachments: { select: { id: true, fileName: true, size: true }, orderBy: { createdAt: "asc" } } },
    }),
    db.ticketEvent.findMany({ where: { ticketId } }),
    db.callRecord.findMany({ where: { ticketId }, include: { agent: { select: { name: true } } } }),
    db.callbackAppointment.findMany({ where: { ticketId }, include: { attempts: { include: { handler: { select: { name: true } } } } } }),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((v): v is string => v !== null))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const entries: TimelineEntry[] = [];
  for (const m of messages) {
    entries.push({ kind: "message", at: m.createdAt, id: m.id, direction: m.direction, channel: m.channel, author: m.author?.name ?? null, body: m.body, automatic: m.automatic, attachments: m.attachments });
  }
  for (const e of events) {
    // Appointment and attempt events are shown from their own rows, with more detail.
    if (e.kind.startsWith("callback.")) continue;
    const data = (e.data ?? {}) as Record<string, unknown>;
    // The answer that stopped the clock reads as answered in time or after the deadline.
    const event = e.kind === "sla.answered" ? (data.state === "BREACHED" ? "sla_answered_late" : "sla_answered") : e.kind;
    entries.push({ kind: "event", at: e.createdAt, id: e.id, event, actor: e.actorId ? (actors.get(e.actorId) ?? null) : null, from: str(data.from), to: str(data.to) });
  }
  for (const c of calls) {
    entries.push({ kind: "call", at: c.startedAt, id: c.id, agent: c.agent.name, summary: c.summary, resolvedFirstContact: c.resolvedFirstContact, direction: c.direction });
  }
  for (const a of appointments) {
    entries.push({ kind: "appointment", at: a.bookedAt, id: a.id, date: a.date, slot: a.slot, status: a.status });
    for (const attempt of a.attempts) {
      entries.push({ kind: "attempt", at: attempt.attemptedAt, id: attempt.id, outcome: attempt.outcome, note: attempt.note, handler: attempt.handler.name });
    }
  }
  return sortTimeline(entries);
}

/** Names for ids that appear in events (teams, users) so the timeline can show them. */
export async function timelineNames(): Promise<Map<string, string>> {
  const teams = await cachedTeams();
  return new Map(teams.map((t) => [t.id, t.name]));
}
