import "server-only";
import type { ImportKind, ImportStatus } from "@prisma/client";
import { can, type PermissionSubject } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { ImportProblem } from "./rules";

export interface ImportJobView {
  id: string;
  kind: ImportKind;
  dryRun: boolean;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  problemCount: number;
  problems: ImportProblem[];
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdBy: { name: string };
}

// The file itself (content) never leaves the database through these reads.
const VIEW = {
  id: true, kind: true, dryRun: true, status: true, fileName: true, totalRows: true, processedRows: true, createdCount: true, updatedCount: true,
  unchangedCount: true, problemCount: true, error: true, createdAt: true, startedAt: true, finishedAt: true, createdBy: { select: { name: true } },
} as const;

/** The latest jobs, for everyone who may run imports (the administrators share them). */
export async function listImportJobs(user: PermissionSubject, take = 25): Promise<Omit<ImportJobView, "problems">[]> {
  if (!can(user, "import.run")) return [];
  return db.importJob.findMany({ select: VIEW, orderBy: { createdAt: "desc" }, take });
}

/** One job with its problems, or null: unknown id, or someone who may not run imports. */
export async function getImportJob(user: PermissionSubject, id: string): Promise<ImportJobView | null> {
  if (!can(user, "import.run")) return null;
  const job = await db.importJob.findUnique({ where: { id }, select: { ...VIEW, problems: true } });
  if (!job) return null;
  return { ...job, problems: Array.isArray(job.problems) ? (job.problems as unknown as ImportProblem[]) : [] };
}
