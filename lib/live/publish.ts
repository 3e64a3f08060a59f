import "server-only";
import type { Tx } from "@/lib/db/client";
import { LIVE_CHANNEL } from "./channel";

/**
 * Marks a topic changed, inside the changing transaction: the version row commits with the change
 * and PostgreSQL delivers the NOTIFY only at commit (never for a rollback). Readers on any instance
 * wake and re-read from their own cursor, so the payload needs no data of its own.
 */
export async function publishLive(tx: Tx, topic: string): Promise<bigint> {
  const rows = await tx.$queryRaw<{ version: bigint }[]>`
    INSERT INTO "LiveTopic" ("topic", "version", "updatedAt") VALUES (${topic}, 1, now())
    ON CONFLICT ("topic") DO UPDATE SET "version" = "LiveTopic"."version" + 1, "updatedAt" = now()
    RETURNING "version"`;
  const version = rows[0]!.version;
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${`${topic} ${version}`})`;
  return version;
}
