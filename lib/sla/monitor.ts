import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { momentSql, readRows, wholeNumber } from "@/lib/db/prepared";
import { escalationPolicyKey } from "@/lib/escalations/rules";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { slaStateAt, type TicketStatusName } from "./lifecycle";
import { computeClock, policyByKey, type SlaState } from "./rules";

export type MonitorKind = "WRITTEN_QUESTION" | "URGENT_REQUEST" | "COMPLAINT" | "ESCALATION" | "CALLBACK";

export interface MonitorItem {
  kind: MonitorKind;
  state: Exclude<SlaState, "ON_TRACK">;
  dueAt: Date;
  label: string;
  reference: string;
  ticketId: string | null;
  teamName: string | null;
  ownerName: string | null;
}

/** The lead desk watches every clock; first-line staff do not (DESIGN: Roles). */
export function mayWatchSla(user: SessionUser): boolean {
  return can(user, "sla.monitor.read");
}

const CALLBACK_MINUTES = { MORNING: 60, AFTERNOON: 120 } as const;

/**
 * Every running clock that is AT_RISK or BREACHED now: ticket clocks (written questions, urgent
 * requests, complaints) judged at `now` from the times the sweep keeps, neither answered (stopped)
 * nor waiting on the customer (paused: nothing is late then, lib/sla/lifecycle.ts), open
 * escalations against their tier's clock, and today's callbacks whose slot has begun without an
 * attempt (at risk) or ended without one (breached). Most urgent first.
 */
export async function loadSlaMonitor(user: SessionUser, now: Date): Promise<MonitorItem[]> {
  if (!mayWatchSla(user)) return [];
  const [settings, policies] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]);
  const tickets = await runningClocksAtRisk(now);
  const items: MonitorItem[] = tickets.map((t) => ({
    kind: t.categoryKey === "COMPLAINT" ? "COMPLAINT" : t.slaPolicyKey === "URGENT_REQUEST" ? "URGENT_REQUEST" : "WRITTEN_QUESTION",
    state: slaStateAt(t, now) as MonitorItem["state"],
    dueAt: t.slaDueAt!,
    label: t.subject,
    reference: t.number,
    ticketId: t.id,
    teamName: t.teamName,
    ownerName: t.assigneeName,
  }));

  const escalations = await db.escalation.findMany({
    where: { status: "OPEN" },
    select: { id: true, tier: true, reason: true, raisedAt: true, dueAt: true, ticket: { select: { id: true, number: true, team: { select: { name: true } } } }, owner: { select: { name: true } }, organisation: { select: { name: true } } },
    take: 500,
  });
  for (const e of escalations) {
    // Judged against the due time the employer and the board were given (stored when it was
    // raised or moved up), with its tier's policy for the moment it turns at risk.
    const clock = computeClock({ policy: policyByKey(escalationPolicyKey(e.tier, policies), policies), startedAt: e.raisedAt, pauses: [], now: now < e.raisedAt ? e.raisedAt : now, settings });
    const state = now >= e.dueAt ? "BREACHED" : clock.state === "ON_TRACK" ? null : "AT_RISK";
    if (!state) continue;
    items.push({
      kind: "ESCALATION",
      state,
      dueAt: e.dueAt,
      label: `${e.organisation.name}: ${e.reason}`,
      reference: e.ticket?.number ?? `#${e.tier}`,
      ticketId: e.ticket?.id ?? null,
      teamName: e.ticket?.team?.name ?? null,
      ownerName: e.owner?.name ?? null,
    });
  }

  const dayStart = new Date(now.getTime() - 24 * 3_600_000);
  const callbacks = await db.callbackAppointment.findMany({
    where: { status: "BOOKED", slotStart: { gte: dayStart, lte: now }, attempts: { none: {} } },
    select: { slot: true, slotStart: true, ticket: { select: { id: true, number: true, subject: true } }, team: { select: { name: true } }, person: { select: { name: true } } },
  });
  for (const c of callbacks) {
    const end = new Date(c.slotStart.getTime() + CALLBACK_MINUTES[c.slot] * 60_000);
    items.push({
      kind: "CALLBACK",
      state: now >= end ? "BREACHED" : "AT_RISK",
      dueAt: end,
      label: c.person?.name ? `${c.person.name}: ${c.ticket.subject}` : c.ticket.subject,
      reference: c.ticket.number,
      ticketId: c.ticket.id,
      teamName: c.team.name,
      ownerName: null,
    });
  }
  const rank = (s: MonitorItem["state"]) => (s === "BREACHED" ? 0 : 1);
  return items.sort((a, b) => rank(a.state) - rank(b.state) || a.dueAt.getTime() - b.dueAt.getTime());
}

/** Most clocks the monitor lists of the tickets: those due first. */
const MONITOR_TICKETS = 500;

interface RunningClockRow {
  id: string;
  number: string;
  subject: string;
  status: TicketStatusName;
  slaState: SlaState | null;
  slaDueAt: Date | null;
  slaAtRiskAt: Date | null;
  slaStoppedAt: Date | null;
  slaPolicyKey: string | null;
  categoryKey: string;
  teamName: string | null;
  assigneeName: string | null;
}

/**
 * The running ticket clocks past their at-risk moment at `now`, due first: judged from the clock's
 * times (slaStateAt), as the queue's filter judges them, so a clock is listed as soon as it is at
 * risk rather than once the sweep has written the state. Each status is walked in due order on
 * its own index ("Ticket_status_slaDueAt_idx") and the two merged: for both statuses at once
 * PostgreSQL read every open ticket and sorted them (0.95 s at 1,000,000 tickets).
 */
async function runningClocksAtRisk(now: Date): Promise<RunningClockRow[]> {
  const at = momentSql(now);
  const limit = wholeNumber(MONITOR_TICKETS);
  const walk = (status: "NEW" | "OPEN") => Prisma.sql`(
    SELECT t.id, t."slaDueAt" FROM "Ticket" t
    WHERE t.status = ${Prisma.raw(`'${status}'`)} AND t."slaStoppedAt" IS NULL AND t."slaDueAt" IS NOT NULL AND t."slaAtRiskAt" <= ${at}
    ORDER BY t."slaDueAt" LIMIT ${limit})`;
  return readRows<RunningClockRow>(
    db,
    Prisma.sql`
    WITH due AS (${walk("NEW")} UNION ALL ${walk("OPEN")} ORDER BY "slaDueAt" LIMIT ${limit})
    SELECT t.id, t.number, t.subject, t.status::text AS status, t."slaState"::text AS "slaState", t."slaDueAt", t."slaAtRiskAt", t."slaStoppedAt",
      t."slaPolicyKey", c.key AS "categoryKey", tm.name AS "teamName", a.name AS "assigneeName"
    FROM due d JOIN "Ticket" t ON t.id = d.id JOIN "TicketCategory" c ON c.id = t."categoryId"
      LEFT JOIN "Team" tm ON tm.id = t."teamId" LEFT JOIN "User" a ON a.id = t."assigneeId"
    ORDER BY d."slaDueAt", t.id`,
  );
}

export interface AnsweredLateItem {
  ticketId: string;
  reference: string;
  label: string;
  dueAt: Date;
  answeredAt: Date;
  teamName: string | null;
  ownerName: string | null;
}

export const ANSWERED_LATE_DAYS = 14;

/**
 * Ticket clocks stopped after their due time in the last two weeks: asked for separately, since an
 * answered question is no longer something to chase but may still be worth a look.
 */
export async function loadAnsweredLate(user: SessionUser, now: Date): Promise<AnsweredLateItem[]> {
  if (!mayWatchSla(user)) return [];
  const since = new Date(now.getTime() - ANSWERED_LATE_DAYS * 86_400_000);
  const tickets = await db.ticket.findMany({
    where: { slaState: "BREACHED", slaStoppedAt: { gte: since, lte: now } },
    select: { id: true, number: true, subject: true, slaDueAt: true, slaStoppedAt: true, team: { select: { name: true } }, assignee: { select: { name: true } } },
    orderBy: { slaStoppedAt: "desc" },
    take: 200,
  });
  return tickets.map((t) => ({
    ticketId: t.id,
    reference: t.number,
    label: t.subject,
    dueAt: t.slaDueAt ?? t.slaStoppedAt!,
    answeredAt: t.slaStoppedAt!,
    teamName: t.team?.name ?? null,
    ownerName: t.assignee?.name ?? null,
  }));
}
