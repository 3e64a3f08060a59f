// Demo rows for the employer portal: an open phone pre-announcement for Zorggroep Noord (so its
// urgent request links to it) and an overdue tier-1 escalation of Bakkerij Van Dijk (so tier 2 can
// be shown). Looks the demo users and organisations up by address and number.
import type { Tx } from "@/lib/db/client";

export async function seedWerkgever(tx: Tx, now: Date): Promise<void> {
  const [agent, coordinator, lisa, eva, zorgnoord, vandijk] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "coordinator@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } }),
    tx.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } }),
    tx.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } }),
  ]);
  const handler = await tx.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } });
  await tx.preAnnouncement.create({
    data: {
      organisationId: zorgnoord.id,
      callerName: lisa.name,
      subject: "Loonbeslag nieuwe medewerker",
      reason: "De salarisrun sluit morgen",
      forWhom: "Personeelsnummer 4410",
      loggedById: agent.id,
      handedOverToId: handler.id,
      createdAt: new Date(now.getTime() - 30 * 60_000),
    },
  });
  const ticket = await tx.ticket.findFirst({ where: { organisationId: vandijk.id, status: "OPEN" }, orderBy: { createdAt: "asc" } });
  await tx.escalation.create({
    data: {
      ticketId: ticket?.id ?? null,
      organisationId: vandijk.id,
      tier: 1,
      reason: "Wij wachten al twee weken op een antwoord over de uitdiensttreding.",
      raisedById: eva.id,
      raisedAt: new Date(now.getTime() - 3 * 86_400_000),
      ownerId: coordinator.id,
      dueAt: new Date(now.getTime() - 2 * 86_400_000),
    },
  });
}
