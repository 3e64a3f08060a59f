import "server-only";
import type { Db } from "@/lib/db/client";
import { sweepOneChat } from "./mutations";
import { sweepVerdict, type ChatStatusName } from "./rules";

/**
 * Waiting chats whose customer has been silent for 30 minutes are given up (ABANDONED); accepted
 * chats idle for an hour are ended and filed unresolved. Each chat in its own transaction under its
 * row lock, so a chat that moved meanwhile (picked up, ended) is left alone.
 */
export async function sweepChats(db: Db, now: Date): Promise<{ abandoned: number; ended: number }> {
  const rows = await db.$queryRaw<{ id: string; status: ChatStatusName; lastCustomerAt: Date; lastActivityAt: Date }[]>`
    SELECT s."id", s."status"::text AS "status",
      GREATEST(s."queuedAt", s."customerTypingAt", MAX(m."createdAt") FILTER (WHERE m."author" = 'CUSTOMER')) AS "lastCustomerAt",
      GREATEST(s."queuedAt", s."acceptedAt", s."customerTypingAt", s."agentTypingAt", MAX(m."createdAt")) AS "lastActivityAt"
    FROM "ChatSession" s LEFT JOIN "ChatMessage" m ON m."sessionId" = s."id"
    WHERE s."status" IN ('WAITING', 'ACTIVE')
    GROUP BY s."id"
    LIMIT 2000`;
  let abandoned = 0;
  let ended = 0;
  for (const row of rows) {
    const verdict = sweepVerdict({ status: row.status, lastCustomerAt: row.lastCustomerAt, lastActivityAt: row.lastActivityAt, now });
    if (verdict === "KEEP") continue;
    try {
      const changed = await db.$transaction((tx) => sweepOneChat(tx, row.id, verdict, now));
      if (changed && verdict === "ABANDON") abandoned += 1;
      if (changed && verdict === "END") ended += 1;
    } catch (error) {
      console.error("[sweeps] chat", row.id, error instanceof Error ? error.message.slice(0, 200) : error);
    }
  }
  return { abandoned, ended };
}
