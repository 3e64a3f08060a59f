import "server-only";
import type { DbClient } from "@/lib/settings/queries";

/** The team that calls a beneficiary back: the ticket's team, else the benefits team. */
export async function portalTeamId(client: DbClient, ticketId?: string | null): Promise<string> {
  if (ticketId) {
    const ticket = await client.ticket.findUnique({ where: { id: ticketId }, select: { teamId: true } });
    if (ticket?.teamId) return ticket.teamId;
  }
  const team = await client.team.findFirst({ where: { key: "uitkeringen" }, select: { id: true } });
  const fallback = team ?? (await client.team.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } }));
  if (!fallback) throw new Error("no team to call back");
  return fallback.id;
}
