import "server-only";
import { Prisma } from "@prisma/client";
import { newId } from "@/lib/db/ids";

/** A timeline event's row (TicketEvent), to be written on its own or with other writes (writeTogether). */
export function eventSql(ticketId: string, actorId: string | null, kind: string, data: Record<string, string | null>, now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "TicketEvent" ("id", "ticketId", "actorId", "kind", "data", "createdAt")
    VALUES (${newId()}, ${ticketId}, ${actorId}, ${kind}, ${JSON.stringify(data)}::jsonb, ${now})`;
}
