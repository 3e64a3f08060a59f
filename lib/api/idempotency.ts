// Idempotency-Key on creates: the first request with a key stores its answer; the same key with
// the same request gets that answer again (nothing is created twice), with another request a 422.
// A placeholder row (status 0) is written before the work, so a concurrent retry under the same
// key waits its turn with a 409 instead of creating a second record.
import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import { db, type Db } from "@/lib/db/client";
import { ApiProblem } from "./problem";

export interface StoredAnswer {
  status: number;
  body: unknown;
}

const IN_PROGRESS = 0;

/**
 * The replay window: a key answers replays for a day (as common API practice); the sweep deletes
 * older keys, so the table holds about a day of creates rather than every create ever made.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Rows deleted per statement, so a large backlog never holds one long lock on the table. */
const IDEMPOTENCY_SWEEP_BATCH = 1000;

export function requestHashOf(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${stableJson(body)}`).digest("hex");
}

/** JSON with object keys sorted, so {"a":1,"b":2} and {"b":2,"a":1} are the same request. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value as Record<string, unknown>).sort().map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key")?.trim();
  if (key === undefined || key === "") return null;
  if (key.length > 255) throw new ApiProblem(400, "IDEMPOTENCY_KEY_INVALID", "An Idempotency-Key is at most 255 characters.");
  return key;
}

/**
 * Runs `work` once per (token, key). Returns the stored answer on a replay. Only successful
 * answers are kept: after a refusal the client may fix the request and send it under the same key.
 */
export async function withIdempotency(tokenId: string, key: string, requestHash: string, now: Date, work: () => Promise<StoredAnswer>): Promise<StoredAnswer & { replayed: boolean }> {
  const existing = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
  const fresh = existing && now.getTime() - existing.createdAt.getTime() < IDEMPOTENCY_TTL_MS ? existing : null;
  if (existing && !fresh) await db.apiIdempotencyKey.deleteMany({ where: { tokenId, key, createdAt: existing.createdAt } });
  if (fresh) return answerOf(fresh, requestHash);
  try {
    await db.apiIdempotencyKey.create({ data: { tokenId, key, requestHash, responseStatus: IN_PROGRESS, responseBody: {}, createdAt: now } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const other = await db.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
      if (other) return answerOf(other, requestHash);
    }
    throw error;
  }
  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (error) {
    await db.apiIdempotencyKey.deleteMany({ where: { tokenId, key, responseStatus: IN_PROGRESS } });
    throw error;
  }
  if (answer.status >= 200 && answer.status < 300) {
    await db.apiIdempotencyKey.update({
      where: { tokenId_key: { tokenId, key } },
      data: { responseStatus: answer.status, responseBody: JSON.parse(JSON.stringify(answer.body ?? null)) as Prisma.InputJsonValue },
    });
  } else {
    await db.apiIdempotencyKey.deleteMany({ where: { tokenId, key, responseStatus: IN_PROGRESS } });
  }
  return { ...answer, replayed: false };
}

function answerOf(row: { requestHash: string; responseStatus: number; responseBody: unknown }, requestHash: string): StoredAnswer & { replayed: boolean } {
  if (row.requestHash !== requestHash) {
    throw new ApiProblem(422, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for a different request. Use a new key for a new request.");
  }
  if (row.responseStatus === IN_PROGRESS) throw new ApiProblem(409, "IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running. Try again shortly.");
  return { status: row.responseStatus, body: row.responseBody, replayed: true };
}

/** Deletes keys past the replay window, batch by batch; returns how many went. */
export async function sweepIdempotencyKeys(database: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  let total = 0;
  for (;;) {
    const deleted = await database.$executeRaw`
      DELETE FROM "ApiIdempotencyKey" WHERE ("tokenId", "key") IN (
        SELECT "tokenId", "key" FROM "ApiIdempotencyKey" WHERE "createdAt" < ${before} LIMIT ${IDEMPOTENCY_SWEEP_BATCH}
      )`;
    total += deleted;
    if (deleted < IDEMPOTENCY_SWEEP_BATCH) return total;
  }
}
