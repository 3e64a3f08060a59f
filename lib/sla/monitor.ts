import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { slaStateAt } from "./lifecycle";
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
 * requests, complaints) judged at `now` from the times the sweep keeps, neither answered (stopped) nor waiting on the
 * customer (paused: nothing is late then, lib/sla/lifecycle.ts), open escalations against their tier's clock,
 * and today's callbacks whose slot has begun without an attempt (at risk) or ended without
 * one (breached). Most urgent first.
 */
export async function loadSlaMonitor(user: SessionUser, now: Date): Promise<MonitorItem[]> {
  if (!mayWatchSla(user)) return [];
  const [settings, policies] = await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]);
  // Judged at `now` from the clock's times (slaStateAt), as the queue's filter judges it: a clock
  // that reached its at-risk moment is listed before the sweep has written the state.
  const tickets = await db.ticket.findMany({
    where: { status: { in: ["NEW", "OPEN"] }, slaStoppedAt: null, slaDueAt: { not: null }, slaAtRiskAt: { lte: now } },
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      slaState: true,
      slaDueAt: true,
      slaAtRiskAt: true,
      slaStoppedAt: true,
      slaPolicyKey: true,
      category: { select: { key: true } },
      team: { select: { name: true } },
      assignee: { select: { name: true } },
    },
    orderBy: { slaDueAt: "asc" },
    take: 500,
  });
  const items: MonitorItem[] = tickets.map((t) => ({
    kind: t.category.key === "COMPLAINT" ? "COMPLAINT" : t.slaPolicyKey === "URGENT_REQUEST" ? "URGENT_REQUEST" : "WRITTEN_QUESTION",
    state: slaStateAt(t, now) as MonitorItem["state"],
    dueAt: t.slaDueAt!,
    label: t.subject,
    reference: t.number,
    ticketId: t.id,
    teamName: t.team?.name ?? null,
    ownerName: t.assignee?.name ?? null,
  }));

  const escalations = await db.escalation.findMany({
    where: { status: "OPEN" },
    select: { id: true, tier: true, reason: true, raisedAt: true, ticket: { select: { id: true, number: true, team: { select: { name: true } } } }, owner: { select: { name: true } }, organisation: { select: { name: true } } },
    take: 500,
  });
  for (const e of escalations) {
    const clock = computeClock({ policy: policyByKey("ESCALATION_TIER_1", policies), startedAt: e.raisedAt, pauses: [], now: now < e.raisedAt ? e.raisedAt : now, settings });
    if (clock.state === "ON_TRACK") continue;
    items.push({
      kind: "ESCALATION",
      state: clock.state,
      dueAt: clock.dueAt,
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
