import "server-only";
import { sweepIdempotencyKeys } from "@/lib/api/idempotency";
import { sweepLoginRecords } from "@/lib/auth/login-records";
import type { Db } from "@/lib/db/client";
import { sweepRateLimits } from "@/lib/security/rate-limit";
import { expirePreAnnouncements } from "@/lib/urgent/mutations";
import type { RetentionFigures } from "@/lib/privacy/settings";
import { sweepRetentionWhenDue } from "@/lib/privacy/sweep";
import { sweepComplaintStageDue } from "@/lib/notifications/sweeps";
import { runImportJobs, type RunnerReport } from "@/lib/import/runner";
import { sweepChats } from "@/lib/chat/sweep";
import { foldTicketDayDeltas } from "@/lib/kpi/day-stats";
import { withSweepLock } from "./lock";
import { sweepAutoClose, sweepCallbackReminders, sweepSlaStates, sweepSurveyInvitations } from "./sweeps";

export interface SweepReport {
  sla: Awaited<ReturnType<typeof sweepSlaStates>> | "skipped";
  complaintsDue: number | "skipped";
  autoClosed: number | "skipped";
  surveys: number | "skipped";
  reminders: number | "skipped";
  rateLimits: number | "skipped";
  loginRecords: number | "skipped";
  idempotencyKeys: number | "skipped";
  preAnnouncementsExpired: number | "skipped";
  retention: RetentionFigures | "notDue" | "skipped";
  chats: { abandoned: number; ended: number } | "skipped";
  /** Ticket-count deltas folded into the KPI page's per-day rollup. */
  kpiRollup: number | "skipped";
  /** Import jobs need no sweep lock: each job is claimed by a conditional update. */
  imports: RunnerReport;
}

function outcome<T>(result: { ran: true; result: T } | { ran: false }): T | "skipped" {
  return result.ran ? result.result : "skipped";
}

/** One round of every sweep, each under its own advisory lock. */
export async function runSweeps(db: Db, now: Date): Promise<SweepReport> {
  return {
    sla: outcome(await withSweepLock("sla", () => sweepSlaStates(db, now))),
    complaintsDue: outcome(await withSweepLock("complaintsDue", () => sweepComplaintStageDue(db, now))),
    autoClosed: outcome(await withSweepLock("autoClose", () => sweepAutoClose(db, now))),
    surveys: outcome(await withSweepLock("surveys", () => sweepSurveyInvitations(db, now))),
    reminders: outcome(await withSweepLock("reminders", () => sweepCallbackReminders(db, now))),
    rateLimits: outcome(await withSweepLock("rateLimits", () => sweepRateLimits(db, now))),
    loginRecords: outcome(await withSweepLock("loginRecords", () => sweepLoginRecords(db, now))),
    idempotencyKeys: outcome(await withSweepLock("idempotencyKeys", () => sweepIdempotencyKeys(db, now))),
    preAnnouncementsExpired: outcome(await withSweepLock("preAnnouncements", () => expirePreAnnouncements(db, now))),
    retention: outcome(await withSweepLock("retention", () => sweepRetentionWhenDue(db, now))),
    chats: outcome(await withSweepLock("chats", () => sweepChats(db, now))),
    kpiRollup: outcome(await withSweepLock("kpiRollup", () => foldTicketDayDeltas(db))),
    imports: await runImportJobs(db, now),
  };
}

/** A timer in this process; the web server and `npm run worker` both start one. */
export function startSweepScheduler(db: Db, intervalMs = 60_000, log: (line: string) => void = (l) => console.log(`[sweeps] ${l}`)): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runSweeps(db, new Date());
      const worth = [report.sla !== "skipped" && report.sla.changed + report.sla.dueMoved, report.autoClosed, report.surveys, report.reminders].some((v) => typeof v === "number" && v > 0);
      if (worth) log(JSON.stringify(report));
    } catch (error) {
      log(`failed: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  void tick();
  return () => clearInterval(timer);
}
