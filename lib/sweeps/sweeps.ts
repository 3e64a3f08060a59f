import "server-only";
import type { Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Db } from "@/lib/db/client";
import { mailText } from "@/lib/mail-templates/queries";
import { notify } from "@/lib/notifications/mutations";
import { coordinatorsOf } from "@/lib/notifications/recipients";
import { enqueueMail } from "@/lib/outbox/mutations";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { type ClockResult, computeClock, policyByKey } from "@/lib/sla/rules";
import { SURVEYED_TICKETS } from "@/lib/survey/rules";
import { slotHours } from "@/lib/callbacks/rules";
import { OPEN_STATUSES } from "@/lib/tickets/rules";
import { autoCloseBefore, reminderWindow } from "./rules";

// Every sweep is idempotent on its own (conditional updates, unique notification keys), so two
// sweepers racing do no harm even where the advisory lock cannot separate them.

// One read of clocks at a time; a run reads batches until no clock's moment has come.
const SLA_BATCH = 1000;
// A clock whose recomputed state did not change is looked at again no sooner than this.
const RECHECK_FLOOR_MS = 60_000;

/**
 * Moves SLA states forward and tells the assignee and the team's coordinators, once per state.
 * Reads only the clocks whose stored next moment has come (Ticket.slaNextCheckAt, written by every
 * change to a clock): with a million open clocks a run looks at the few that change, not at all.
 * Per ticket one transaction holds the state change, its next moment, its audit event and its
 * notifications (and their mails), so a crash between them cannot lose a warning. The conditional
 * update keeps it idempotent: when another sweeper moved the clock first, this one writes nothing.
 * A ticket whose transaction fails keeps its moment for the next run and does not stop the others.
 */
export async function sweepSlaStates(db: Db, now: Date): Promise<{ changed: number; notified: number; failed: number }> {
  const [settings, policies] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]);
  let changed = 0;
  let notified = 0;
  let failed = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const tickets: SweptTicket[] = await db.ticket.findMany({
      where: {
        slaNextCheckAt: { lte: now },
        ...(after ? { OR: [{ slaNextCheckAt: { gt: after.at } }, { slaNextCheckAt: after.at, id: { gt: after.id } }] } : {}),
      },
      include: { pauses: { orderBy: { from: "asc" } } },
      orderBy: [{ slaNextCheckAt: "asc" }, { id: "asc" }],
      take: SLA_BATCH,
    });
    const unchanged: { id: string; seen: Date; next: Date | null }[] = [];
    for (const ticket of tickets) {
      const clock = clockOf(ticket, policies, settings, now);
      if (!clock || clock.state === ticket.slaState) {
        // Nothing changed (or the clock no longer runs): only its next moment moves.
        const next = clock?.nextChangeAt ?? null;
        unchanged.push({ id: ticket.id, seen: ticket.slaNextCheckAt!, next: next && next.getTime() <= now.getTime() ? new Date(now.getTime() + RECHECK_FLOOR_MS) : next });
        continue;
      }
      try {
        const outcome = await applySlaState(db, ticket, clock, now);
        changed += outcome.changed;
        notified += outcome.notified;
      } catch (error) {
        failed += 1;
        console.error(`[sweeps] sla ${ticket.id} failed: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
      }
    }
    await moveNextChecks(db, unchanged);
    if (tickets.length < SLA_BATCH) break;
    const last = tickets[tickets.length - 1]!;
    after = { at: last.slaNextCheckAt!, id: last.id };
  }
  return { changed, notified, failed };
}

type SweptTicket = Prisma.TicketGetPayload<{ include: { pauses: true } }>;

function clockOf(ticket: SweptTicket, policies: Awaited<ReturnType<typeof getSlaPolicies>>, settings: Awaited<ReturnType<typeof getCalendarSettings>>, now: Date): ClockResult | null {
  const startedAt = ticket.slaStartedAt;
  if (!startedAt || ticket.slaStoppedAt || !OPEN_STATUSES.includes(ticket.status as (typeof OPEN_STATUSES)[number]) || startedAt > now) return null;
  return computeClock({
    policy: policyByKey(ticket.slaPolicyKey ?? "WRITTEN_QUESTION", policies),
    startedAt,
    pauses: ticket.pauses.filter((p) => p.from >= startedAt && p.from <= now).map((p) => ({ from: p.from, to: p.to && p.to <= now ? p.to : null })),
    now,
    settings,
  });
}

async function applySlaState(db: Db, ticket: SweptTicket, clock: ClockResult, now: Date): Promise<{ changed: number; notified: number }> {
  return db.$transaction(async (tx) => {
    const updated = await tx.ticket.updateMany({
      where: { id: ticket.id, slaState: ticket.slaState, slaStartedAt: ticket.slaStartedAt },
      data: { slaState: clock.state, slaDueAt: clock.dueAt, slaNextCheckAt: clock.nextChangeAt },
    });
    if (updated.count === 0) return { changed: 0, notified: 0 };
    await audit(tx, { actorId: null, action: "sla.state_changed", entityType: "Ticket", entityId: ticket.id, organisationId: ticket.organisationId, data: { from: ticket.slaState, to: clock.state } });
    if (clock.state === "ON_TRACK") return { changed: 1, notified: 0 };
    const recipients = [...(ticket.assigneeId ? [ticket.assigneeId] : []), ...(await coordinatorsOf(tx, ticket.teamId))];
    const count = await notify(tx, {
      recipients,
      kind: clock.state === "AT_RISK" ? "sla.at_risk" : "sla.breached",
      entityType: "Ticket",
      entityId: ticket.id,
      data: { number: ticket.number, subject: ticket.subject, state: clock.state },
      // One per clock run and state: a re-opened ticket's new clock may warn again.
      dedupeKey: `sla:${ticket.id}:${ticket.slaStartedAt!.toISOString()}:${clock.state}`,
      now,
    });
    return { changed: 1, notified: count };
  });
}

/**
 * Writes the recomputed next moments in one statement. Only where the moment is still the one
 * read: a clock changed meanwhile (a reply, a pause) already holds its own, newer moment.
 */
async function moveNextChecks(db: Db, rows: { id: string; seen: Date; next: Date | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.$executeRaw`
    UPDATE "Ticket" AS t
    SET "slaNextCheckAt" = (v.next::timestamptz AT TIME ZONE 'UTC')
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.seen.toISOString())}::text[], ${rows.map((r) => r.next?.toISOString() ?? null)}::text[]) AS v(id, seen, next)
    WHERE t."id" = v.id AND t."slaNextCheckAt" = (v.seen::timestamptz AT TIME ZONE 'UTC')`;
}

/** RESOLVED tickets close seven days after they were resolved. */
export async function sweepAutoClose(db: Db, now: Date): Promise<number> {
  const due = await db.ticket.findMany({ where: { status: "RESOLVED", resolvedAt: { lte: autoCloseBefore(now) } }, select: { id: true }, take: 1000 });
  let closed = 0;
  for (const { id } of due) {
    closed += await db.$transaction(async (tx) => {
      const updated = await tx.ticket.updateMany({ where: { id, status: "RESOLVED" }, data: { status: "CLOSED", closedAt: now } });
      if (updated.count === 0) return 0;
      await tx.ticketEvent.create({ data: { ticketId: id, actorId: null, kind: "status", data: { from: "RESOLVED", to: "CLOSED", reason: "auto-close" }, createdAt: now } });
      await audit(tx, { actorId: null, action: "ticket.auto_close", entityType: "Ticket", entityId: id });
      return 1;
    });
  }
  return closed;
}

/** Invites the requester of a resolved ticket to the satisfaction survey, once per ticket; complaints are not surveyed. */
export async function sweepSurveyInvitations(db: Db, now: Date): Promise<number> {
  const tickets = await db.ticket.findMany({
    where: { status: "RESOLVED", requesterId: { not: null }, satisfaction: null, resolvedAt: { gt: autoCloseBefore(now), lte: now }, ...SURVEYED_TICKETS },
    include: { requester: { select: { id: true, email: true, locale: true } } },
    take: 500,
  });
  let invited = 0;
  for (const ticket of tickets) {
    const requester = ticket.requester!;
    invited += await db.$transaction(async (tx) => {
      const created = await tx.notification.createMany({
        data: [{ userId: requester.id, kind: "survey.invitation", dedupeKey: `survey:${ticket.id}`, entityType: "Ticket", entityId: ticket.id, createdAt: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) return 0;
      // Worded by the admin (/agent/beheer/mailteksten), like the callback reminder below.
      const mail = await mailText(tx, "survey.invitation", requester.locale, { registratienummer: ticket.number, onderwerp: ticket.subject });
      await enqueueMail(tx, {
        kind: "survey.invitation",
        to: requester.email,
        subject: mail.subject,
        text: mail.text,
        locale: requester.locale,
        ticketId: ticket.id,
        at: now,
      });
      return 1;
    });
  }
  return invited;
}

/** Reminds the person of a booked callback in the hour before the slot, once. */
export async function sweepCallbackReminders(db: Db, now: Date): Promise<number> {
  const window = reminderWindow(now);
  const appointments = await db.callbackAppointment.findMany({
    where: { status: "BOOKED", slotStart: { gt: window.from, lte: window.to }, personId: { not: null } },
    include: { person: { select: { id: true, email: true, locale: true } }, ticket: { select: { number: true, subject: true } } },
  });
  let reminded = 0;
  for (const appointment of appointments) {
    const person = appointment.person!;
    reminded += await db.$transaction(async (tx) => {
      const created = await tx.notification.createMany({
        data: [{ userId: person.id, kind: "callback.reminder", dedupeKey: `reminder:${appointment.id}`, entityType: "CallbackAppointment", entityId: appointment.id, createdAt: now }],
        skipDuplicates: true,
      });
      if (created.count === 0) return 0;
      const mail = await mailText(tx, "callback.reminder", person.locale, {
        registratienummer: appointment.ticket.number,
        onderwerp: appointment.ticket.subject,
        tijd: slotHours(appointment.slot),
      });
      await enqueueMail(tx, {
        kind: "callback.reminder",
        to: person.email,
        subject: mail.subject,
        text: mail.text,
        locale: person.locale,
        ticketId: appointment.ticketId,
        at: now,
      });
      return 1;
    });
  }
  return reminded;
}
