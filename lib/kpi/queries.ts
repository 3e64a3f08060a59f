import "server-only";
import { dueAfterWorkingDays } from "@/lib/calendar/rules";
import type { Db } from "@/lib/db/client";
import { getCalendarSettings, getSlaPolicies } from "@/lib/settings/queries";
import { policyByKey } from "@/lib/sla/policies";
import { ticketDayTotals, writtenInTime } from "./day-stats";
import { judgeComplaintStages, type ComplaintStageRow, type ComplaintTier } from "./complaint-tiers";
import { ageBucket, ESCALATION_AGE_BUCKETS, type EscalationAgeBucket, type Period, type Ratio } from "./rules";

// Each KPI is one aggregate query over an indexed time range, or over the per-day ticket rollup
// (day-stats.ts) where that range would be millions of tickets (see the bench: npm run bench:kpi).
// Counts come back as bigint; n() makes them numbers.
const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

// Written questions answered in time come from the rollup alone (day-stats.ts).
export { writtenInTime };

/** Phone tickets opened in the period, and how many of them were resolved at first contact (day rollup). */
export async function firstContactResolution(db: Db, p: Period): Promise<Ratio> {
  const totals = await ticketDayTotals(db, p);
  return { hit: totals.phoneResolved, total: totals.phone };
}

export interface CallbackFigures {
  attemptedInSlot: Ratio;
  /** The inspection's norms: first attempt within 2 / 24 wall-clock hours of the booking. */
  within2Hours: Ratio;
  within24Hours: Ratio;
  reached: Ratio;
  unreachable: Ratio;
  /** Ended at once on a wrong number, apart from "unreachable after two attempts". */
  wrongNumber: Ratio;
  repeat: Ratio;
}

/** Appointments by slot and by booking; each judged by its first attempt (CallbackAppointment.firstAttemptAt, kept by a trigger). */
export async function callbackFigures(db: Db, p: Period, now: Date): Promise<CallbackFigures> {
  const [slots] = await db.$queryRaw<{ in_slot: bigint; slot_over: bigint; reached: bigint; unreachable: bigint; wrong_number: bigint; closed: bigint }[]>`
    SELECT
      count(*) FILTER (WHERE a."firstAttemptAt" >= a."slotStart" AND a."firstAttemptAt" <= a."slotStart" + (CASE WHEN a."slot" = 'MORNING' THEN interval '1 hour' ELSE interval '2 hours' END)) AS in_slot,
      count(*) FILTER (WHERE a."firstAttemptAt" IS NOT NULL OR a."slotStart" + (CASE WHEN a."slot" = 'MORNING' THEN interval '1 hour' ELSE interval '2 hours' END) <= ${now}) AS slot_over,
      count(*) FILTER (WHERE a."status" = 'DONE') AS reached,
      count(*) FILTER (WHERE a."status" = 'UNREACHABLE') AS unreachable,
      count(*) FILTER (WHERE a."status" = 'WRONG_NUMBER') AS wrong_number,
      count(*) FILTER (WHERE a."status" IN ('DONE', 'UNREACHABLE', 'WRONG_NUMBER')) AS closed
    FROM "CallbackAppointment" a
    WHERE a."slotStart" >= ${p.from} AND a."slotStart" < ${p.to} AND a."status" <> 'CANCELLED'`;
  // The request norms run from the booking (the moment the customer asked) in elapsed time, nights
  // and weekends included; an appointment counts once attempted or once its window has passed.
  const [booked] = await db.$queryRaw<{ repeat: bigint; total: bigint; in_2h: bigint; due_2h: bigint; in_24h: bigint; due_24h: bigint }[]>`
    SELECT count(*) FILTER (WHERE a."isRepeat") AS repeat, count(*) AS total,
      count(*) FILTER (WHERE a."status" <> 'CANCELLED' AND a."firstAttemptAt" <= a."bookedAt" + interval '2 hours') AS in_2h,
      count(*) FILTER (WHERE a."status" <> 'CANCELLED' AND (a."firstAttemptAt" IS NOT NULL OR a."bookedAt" + interval '2 hours' <= ${now})) AS due_2h,
      count(*) FILTER (WHERE a."status" <> 'CANCELLED' AND a."firstAttemptAt" <= a."bookedAt" + interval '24 hours') AS in_24h,
      count(*) FILTER (WHERE a."status" <> 'CANCELLED' AND (a."firstAttemptAt" IS NOT NULL OR a."bookedAt" + interval '24 hours' <= ${now})) AS due_24h
    FROM "CallbackAppointment" a
    WHERE a."bookedAt" >= ${p.from} AND a."bookedAt" < ${p.to}`;
  return {
    attemptedInSlot: { hit: n(slots?.in_slot), total: n(slots?.slot_over) },
    within2Hours: { hit: n(booked?.in_2h), total: n(booked?.due_2h) },
    within24Hours: { hit: n(booked?.in_24h), total: n(booked?.due_24h) },
    reached: { hit: n(slots?.reached), total: n(slots?.closed) },
    unreachable: { hit: n(slots?.unreachable), total: n(slots?.closed) },
    wrongNumber: { hit: n(slots?.wrong_number), total: n(slots?.closed) },
    repeat: { hit: n(booked?.repeat), total: n(booked?.total) },
  };
}

export async function urgentInTime(db: Db, p: Period, now: Date): Promise<Ratio> {
  const [row] = await db.$queryRaw<{ hit: bigint; total: bigint }[]>`
    SELECT count(*) FILTER (WHERE u."answeredAt" IS NOT NULL AND u."answeredAt" <= u."dueAt") AS hit,
           count(*) FILTER (WHERE u."answeredAt" IS NOT NULL OR u."dueAt" < ${now}) AS total
    FROM "UrgentRequest" u
    WHERE u."receivedAt" >= ${p.from} AND u."receivedAt" < ${p.to}
      -- A mail the confirming call found not urgent is answered as a normal written question.
      AND u."verification" IS DISTINCT FROM 'NOT_URGENT'`;
  return { hit: n(row?.hit), total: n(row?.total) };
}

export interface ComplaintFigures {
  complaints: number;
  contacts: number;
  inTimeByStage: Record<"STAGE_1" | "STAGE_2", Ratio>;
}

/**
 * Every complaint stage that began in the period, from the complaint's history: stage 1 from
 * receipt until the ombudsman was asked (stageStartedAt of a complaint past stage 1), stage 2 from
 * then on. The answer of a stage is the first of: the complaint's recorded answer time when it
 * falls in the stage, or a written reply by staff (not the automatic acknowledgement) on the
 * complaint's ticket within the stage. One query; the reply lookup is an index range per stage.
 */
async function complaintStages(db: Db, p: Period): Promise<ComplaintStageRow[]> {
  const rows = await db.$queryRaw<{ tier: ComplaintTier; started_at: Date; due_at: Date | null; answered_at: Date | null }[]>`
    WITH stage AS (
      SELECT 'STAGE_1' AS tier, "ticketId", "receivedAt" AS started_at,
             COALESCE("firstStageDueAt", CASE WHEN "stage" = 'STAGE_1' THEN "dueAt" END) AS due_at
      FROM "Complaint"
      WHERE "receivedAt" >= ${p.from} AND "receivedAt" < ${p.to} AND "stage" <> 'SIGNAL'
      UNION ALL
      SELECT 'STAGE_2', "ticketId", "stageStartedAt", "dueAt"
      FROM "Complaint"
      WHERE "stageStartedAt" >= ${p.from} AND "stageStartedAt" < ${p.to} AND "stage" IN ('STAGE_2', 'STAGE_3')
    )
    SELECT s.tier, s.started_at, s.due_at,
      (SELECT min(e."createdAt") FROM "TicketEvent" e
        WHERE e."ticketId" = s."ticketId" AND e."kind" = 'complaint_answer' AND e."data"->>'stage' = s.tier) AS answered_at
    FROM stage s`;
  return rows.map((r) => ({ tier: r.tier, startedAt: r.started_at, dueAt: r.due_at, answeredAt: r.answered_at }));
}

export async function complaintFigures(db: Db, p: Period, now: Date): Promise<ComplaintFigures> {
  const [counts] = await db.$queryRaw<{ complaints: bigint }[]>`
    SELECT count(*) AS complaints FROM "Complaint" WHERE "receivedAt" >= ${p.from} AND "receivedAt" < ${p.to}`;
  const { notComplaint: contacts } = await ticketDayTotals(db, p);
  const stages = await complaintStages(db, p);
  // Complaints that left stage 1 before its due time was kept: the same rule gives it again.
  const needsRule = stages.some((row) => row.dueAt === null);
  const [settings, policies] = needsRule ? await Promise.all([getCalendarSettings(db), getSlaPolicies(db)]) : [null, null];
  const dueOf = (startedAt: Date) => dueAfterWorkingDays(startedAt, policyByKey("COMPLAINT", policies!).amount, settings!);
  const inTimeByStage = judgeComplaintStages(stages, now, dueOf);
  return { complaints: n(counts?.complaints), contacts, inTimeByStage };
}

export interface SatisfactionFigures {
  overall: Ratio;
  byChannel: Record<string, Ratio>;
  byAudience: Record<string, Ratio>;
}

export async function satisfactionFigures(db: Db, p: Period): Promise<SatisfactionFigures> {
  const rows = await db.$queryRaw<{ channel: string | null; audience: string | null; hit: bigint; total: bigint; g_channel: number; g_audience: number }[]>`
    SELECT "channel"::text AS channel, "audience"::text AS audience,
           count(*) FILTER (WHERE "score" >= 4) AS hit, count(*) AS total,
           GROUPING("channel") AS g_channel, GROUPING("audience") AS g_audience
    FROM "SatisfactionResponse"
    WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to}
    GROUP BY GROUPING SETS (("channel"), ("audience"), ())`;
  const result: SatisfactionFigures = { overall: { hit: 0, total: 0 }, byChannel: {}, byAudience: {} };
  for (const row of rows) {
    const ratio = { hit: n(row.hit), total: n(row.total) };
    if (Number(row.g_channel) === 1 && Number(row.g_audience) === 1) result.overall = ratio;
    else if (Number(row.g_channel) === 0 && row.channel) result.byChannel[row.channel] = ratio;
    else if (Number(row.g_audience) === 0 && row.audience) result.byAudience[row.audience] = ratio;
  }
  return result;
}

export type EscalationAges = Record<1 | 2, Record<EscalationAgeBucket, number>>;

/** Open escalations now, by tier and age (a snapshot, not bound to the period). */
export async function openEscalationAges(db: Db, now: Date): Promise<EscalationAges> {
  const rows = await db.escalation.findMany({ where: { status: "OPEN" }, select: { tier: true, raisedAt: true } });
  const empty = () => Object.fromEntries(ESCALATION_AGE_BUCKETS.map((b) => [b, 0])) as Record<EscalationAgeBucket, number>;
  const result: EscalationAges = { 1: empty(), 2: empty() };
  for (const row of rows) {
    const tier = row.tier === 2 ? 2 : 1;
    result[tier][ageBucket(row.raisedAt, now)] += 1;
  }
  return result;
}

export interface TelephonyFigures {
  offered: number;
  answered: number;
  /** Answered within 60 s, out of all calls offered (a caller who hung up was not answered in time). */
  answeredInMinute: Ratio;
  abandoned: Ratio;
  reachability: Ratio;
}

/** Calls the telephone platform reported (CTI), by the moment they rang; calls still ringing wait. */
export async function telephonyFigures(db: Db, p: Period): Promise<TelephonyFigures> {
  const [row] = await db.$queryRaw<{ offered: bigint; answered: bigint; in_minute: bigint; abandoned: bigint }[]>`
    SELECT count(*) AS offered,
           count(*) FILTER (WHERE "answeredAt" IS NOT NULL) AS answered,
           count(*) FILTER (WHERE "answeredAt" IS NOT NULL AND "waitSec" <= 60) AS in_minute,
           count(*) FILTER (WHERE "state" = 'ABANDONED') AS abandoned
    FROM "CtiCall" WHERE "ringingAt" >= ${p.from} AND "ringingAt" < ${p.to} AND "state" <> 'RINGING'`;
  const offered = n(row?.offered);
  const answered = n(row?.answered);
  return {
    offered,
    answered,
    answeredInMinute: { hit: n(row?.in_minute), total: offered },
    abandoned: { hit: n(row?.abandoned), total: offered },
    reachability: { hit: answered, total: offered },
  };
}

export interface ChatFigures {
  offered: number;
  answered: number;
  /** Left before anyone picked up: gone, or left as a portal message. */
  abandoned: number;
  medianWaitSec: number | null;
  p90WaitSec: number | null;
  answeredShare: Ratio;
  /** Answered chats whose question was settled in the chat itself. */
  handledInChat: Ratio;
}

/** Chats started in the period; those still waiting are not judged yet. */
export async function chatFigures(db: Db, p: Period): Promise<ChatFigures> {
  const [row] = await db.$queryRaw<{ offered: bigint; answered: bigint; resolved: bigint; median: number | null; p90: number | null }[]>`
    SELECT count(*) AS offered,
           count(*) FILTER (WHERE "acceptedAt" IS NOT NULL) AS answered,
           count(*) FILTER (WHERE "acceptedAt" IS NOT NULL AND "resolvedInChat") AS resolved,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "acceptedAt" - "createdAt")) FILTER (WHERE "acceptedAt" IS NOT NULL) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "acceptedAt" - "createdAt")) FILTER (WHERE "acceptedAt" IS NOT NULL) AS p90
    FROM "ChatSession" WHERE "createdAt" >= ${p.from} AND "createdAt" < ${p.to} AND NOT ("status" = 'WAITING' AND "acceptedAt" IS NULL)`;
  const offered = n(row?.offered);
  const answered = n(row?.answered);
  const seconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
  return {
    offered,
    answered,
    abandoned: offered - answered,
    medianWaitSec: seconds(row?.median),
    p90WaitSec: seconds(row?.p90),
    answeredShare: { hit: answered, total: offered },
    handledInChat: { hit: n(row?.resolved), total: answered },
  };
}

export interface KpiReport {
  firstContactResolution: Ratio;
  writtenInTime: Ratio;
  callbacks: CallbackFigures;
  urgentInTime: Ratio;
  complaints: ComplaintFigures;
  satisfaction: SatisfactionFigures;
  escalations: EscalationAges;
  telephony: TelephonyFigures;
  chat: ChatFigures;
}

/** Every KPI of the lead desk for one period. Run one after another: one connection suffices. */
export async function loadKpiReport(db: Db, p: Period, now: Date): Promise<KpiReport> {
  return {
    firstContactResolution: await firstContactResolution(db, p),
    writtenInTime: await writtenInTime(db, p, now),
    callbacks: await callbackFigures(db, p, now),
    urgentInTime: await urgentInTime(db, p, now),
    complaints: await complaintFigures(db, p, now),
    satisfaction: await satisfactionFigures(db, p),
    escalations: await openEscalationAges(db, now),
    telephony: await telephonyFigures(db, p),
    chat: await chatFigures(db, p),
  };
}
