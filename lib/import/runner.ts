// The background import: takes one waiting job (or one whose runner stopped beating), works through
// its lines in batches, one transaction per batch that also moves the job's progress on, and ends
// DONE or FAILED with the file blanked. Called by the sweep scheduler and, right after an upload,
// by the web process, so the admin does not wait for the next sweep.
import "server-only";
import type { ImportJob, Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { applyBatch } from "./apply";
import { importOptionsKey, readImportOptions } from "./options";
import { parseCsvInSteps } from "./parse";
import { appendProblems, checkLine, duplicateProblems, mapHeader, type BeneficiaryRow, type CheckedLine, type ContactRow, type ImportKindName, type ImportProblem, type OrganisationRow } from "./rules";

export const BATCH_SIZE = 1_000;
/** A running job whose heartbeat is older than this is taken over: its runner died. */
export const STALE_AFTER_MS = 2 * 60_000;

export interface RunnerOptions {
  /** The wall clock for heartbeats (a 100,000-line job outlives its start time). */
  clock?: () => Date;
  batchSize?: number;
  /** At most this many jobs per call, so a sweep round ends. */
  maxJobs?: number;
}

export interface RunnerReport {
  done: number;
  failed: number;
}

/** Lost the job to another runner (its heartbeat moved on): stop without touching it. */
class LostJob extends Error {}

export async function runImportJobs(db: Db, now: Date, options: RunnerOptions = {}): Promise<RunnerReport> {
  const report: RunnerReport = { done: 0, failed: 0 };
  const clock = options.clock ?? (() => new Date());
  for (let i = 0; i < (options.maxJobs ?? 5); i += 1) {
    const job = await claimJob(db, i === 0 ? now : clock());
    if (!job) break;
    const outcome = await runClaimedJob(db, job, { clock, batchSize: options.batchSize });
    if (outcome === "DONE") report.done += 1;
    else if (outcome === "FAILED") report.failed += 1;
  }
  return report;
}

/**
 * One waiting or abandoned job, claimed with an update that matches only the state we read: of two
 * runners reading the same job, exactly one update matches. Its heartbeat is the claim's token.
 */
export async function claimJob(db: Db, now: Date): Promise<ImportJob | null> {
  const stale = new Date(now.getTime() - STALE_AFTER_MS);
  const candidates = await db.importJob.findMany({
    where: { OR: [{ status: "QUEUED" }, { status: "RUNNING", heartbeatAt: { lt: stale } }] },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { id: true, status: true, heartbeatAt: true, startedAt: true },
  });
  for (const candidate of candidates) {
    const claimed = await db.importJob.updateMany({
      where: { id: candidate.id, status: candidate.status, heartbeatAt: candidate.heartbeatAt },
      data: { status: "RUNNING", heartbeatAt: now, startedAt: candidate.startedAt ?? now },
    });
    if (claimed.count === 1) return db.importJob.findUniqueOrThrow({ where: { id: candidate.id } });
  }
  return null;
}

/** Works a claimed job to its end; "LOST" when another runner took it over meanwhile. */
export async function runClaimedJob(db: Db, job: ImportJob, options: Pick<RunnerOptions, "clock" | "batchSize"> = {}): Promise<"DONE" | "FAILED" | "LOST"> {
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // `beat` is the heartbeat the job row holds: the token every write of this runner matches on.
  let beat = job.heartbeatAt!;
  // A new heartbeat differs from the previous one: a takeover is noticed by the value changing.
  const nextBeat = () => {
    const at = clock();
    return at.getTime() > beat.getTime() ? at : new Date(beat.getTime() + 1);
  };
  try {
    const kind = job.kind as ImportKindName;
    const options = await readImportOptions(db, job.id);
    const parsed = await parseCsvInSteps(job.content);
    if (!parsed.ok) {
      await finish(db, job, beat, nextBeat(), { totalRows: 0, problems: [{ line: parsed.line, field: null, reason: parsed.reason }], problemCount: 1 });
      return "DONE";
    }
    const map = mapHeader(kind, parsed.header, parsed.headerLine);
    if (map.problems.length > 0) {
      // Without a required column no line can be read: say which columns, not every line.
      await finish(db, job, beat, nextBeat(), { totalRows: parsed.lines.length, problems: map.problems, problemCount: map.problems.length });
      return "DONE";
    }
    const checked: CheckedLine<OrganisationRow | ContactRow | BeneficiaryRow>[] = [];
    for (let at = 0; at < parsed.lines.length; at += 5_000) {
      for (const line of parsed.lines.slice(at, at + 5_000)) checked.push(checkLine(kind, map, line));
      // Let the web process answer requests between slices.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const duplicates = duplicateProblems(kind, checked);
    const lines: CheckedLine<never>[] = checked.map((c) => {
      const more = duplicates.get(c.line);
      return (more ? { line: c.line, row: null, problems: [...c.problems, ...more] } : c) as CheckedLine<never>;
    });
    if (job.totalRows !== lines.length) {
      const heartbeat = nextBeat();
      const set = await db.importJob.updateMany({ where: { id: job.id, status: "RUNNING", heartbeatAt: beat }, data: { totalRows: lines.length, heartbeatAt: heartbeat } });
      if (set.count !== 1) throw new LostJob();
      beat = heartbeat;
    }
    let problems = job.problems as unknown as ImportProblem[];
    const batchJob = { kind, dryRun: job.dryRun, invite: options.invite, createdById: job.createdById, linkBase: publicBaseUrl() };
    // Resumes where a stopped runner left off: its batches committed together with processedRows.
    for (let from = job.processedRows; from < lines.length; from += batchSize) {
      const batch = lines.slice(from, from + batchSize);
      const token = beat;
      const heartbeat = nextBeat();
      problems = await db.$transaction(
        async (tx) => {
          const outcome = await applyBatch(tx, batchJob, batch, heartbeat);
          const kept = appendProblems(problems, outcome.problems.sort((a, b) => a.line - b.line));
          const moved = await tx.importJob.updateMany({
            where: { id: job.id, status: "RUNNING", heartbeatAt: token },
            data: {
              processedRows: from + batch.length,
              createdCount: { increment: outcome.created },
              updatedCount: { increment: outcome.updated },
              unchangedCount: { increment: outcome.unchanged },
              problemCount: { increment: outcome.problems.length },
              problems: kept as unknown as Prisma.InputJsonValue,
              heartbeatAt: heartbeat,
            },
          });
          // Another runner took the job over: this batch must not count twice.
          if (moved.count !== 1) throw new LostJob();
          return kept;
        },
        { timeout: 120_000, maxWait: 60_000 },
      );
      beat = heartbeat;
    }
    await finish(db, job, beat, nextBeat(), {});
    return "DONE";
  } catch (error) {
    if (error instanceof LostJob) return "LOST";
    console.error(`[import] job ${job.id} failed`, error instanceof Error ? error.message.slice(0, 300) : "error");
    const failed = await db.$transaction(async (tx) => {
      const ended = await tx.importJob.updateMany({
        where: { id: job.id, status: "RUNNING", heartbeatAt: beat },
        data: { status: "FAILED", error: "UNEXPECTED", finishedAt: clock(), content: "", heartbeatAt: null },
      });
      if (ended.count === 1) {
        await tx.setting.deleteMany({ where: { key: importOptionsKey(job.id) } });
        await audit(tx, { actorId: job.createdById, action: "import.failed", entityType: "ImportJob", entityId: job.id, data: { kind: job.kind, dryRun: job.dryRun } });
      }
      return ended.count === 1;
    });
    return failed ? "FAILED" : "LOST";
  }
}

/** DONE, the file blanked (it holds personal data), and one audit event with the counts only. */
async function finish(db: Db, job: ImportJob, token: Date, at: Date, set: { totalRows?: number; problems?: ImportProblem[]; problemCount?: number }) {
  await db.$transaction(async (tx) => {
    const ended = await tx.importJob.updateMany({
      where: { id: job.id, status: "RUNNING", heartbeatAt: token },
      data: {
        status: "DONE",
        finishedAt: at,
        heartbeatAt: null,
        content: "",
        ...(set.totalRows !== undefined ? { totalRows: set.totalRows } : {}),
        ...(set.problems ? { problems: set.problems as unknown as Prisma.InputJsonValue, problemCount: set.problemCount } : {}),
      },
    });
    if (ended.count !== 1) throw new LostJob();
    const final = await tx.importJob.findUniqueOrThrow({ where: { id: job.id } });
    await tx.setting.deleteMany({ where: { key: importOptionsKey(job.id) } });
    await audit(tx, {
      actorId: job.createdById,
      action: job.dryRun ? "import.dry_run" : "import.run",
      entityType: "ImportJob",
      entityId: job.id,
      data: { kind: job.kind, rows: final.totalRows, created: final.createdCount, updated: final.updatedCount, unchanged: final.unchangedCount, problems: final.problemCount },
    });
  });
}
