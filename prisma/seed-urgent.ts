// Demo rows for urgent requests (issue 18): a "SPOED" mail of Bakkerij Van Dijk that nobody
// announced by phone (its confirming call waits for a case handler), an announced mail paired with
// the call that announced it, and a pre-announcement that expired unused. Through the real code
// paths, so the clocks and pairings are what the app would compute.
import type { Tx } from "@/lib/db/client";
import { createTicket } from "@/lib/tickets/mutations";
import { expiryFor, linkMailedUrgentRequest } from "@/lib/urgent/mutations";

const HOUR = 3_600_000;

export async function seedUrgent(tx: Tx, now: Date): Promise<void> {
  const [agent, handler, eva, vandijk] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } }),
    tx.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } }),
    tx.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } }),
  ]);
  // Pre-announcements logged before expiry existed get theirs now.
  for (const open of await tx.preAnnouncement.findMany({ where: { status: "OPEN", expiresAt: null } })) {
    await tx.preAnnouncement.update({ where: { id: open.id }, data: { expiresAt: await expiryFor(tx, open.createdAt) } });
  }
  const call = (subject: string, createdAt: Date) => ({
    organisationId: vandijk.id,
    callerName: eva.name,
    subject,
    reason: "De salarisrun sluit binnenkort",
    forWhom: "Personeelsnummer 3307",
    loggedById: agent.id,
    handedOverToId: handler.id,
    createdAt,
  });
  const staleAt = new Date(now.getTime() - 5 * 24 * HOUR);
  await tx.preAnnouncement.create({ data: { ...call("Correctie vakantiegeld", staleAt), status: "EXPIRED", expiresAt: await expiryFor(tx, staleAt) } });
  const announcedAt = new Date(now.getTime() - 2 * HOUR);
  await tx.preAnnouncement.create({ data: { ...call("Loonstrook met verkeerde uren", announcedAt), status: "OPEN", expiresAt: await expiryFor(tx, announcedAt) } });

  const mail = async (subject: string, body: string, receivedAt: Date) => {
    const ticket = await createTicket(
      tx,
      { subject, body, channel: "EMAIL", requesterId: eva.id, requesterEmail: eva.email, organisationId: vandijk.id, categoryKey: "URGENT_REQUEST", priority: "URGENT", policyKey: "URGENT_REQUEST" },
      receivedAt,
    );
    await linkMailedUrgentRequest(tx, { ticketId: ticket.id, organisationId: vandijk.id, subject, receivedAt, dueAt: ticket.slaDueAt! }, receivedAt);
    // The acknowledgement stays on the timeline; demo data sends no mail to the demo addresses.
    await tx.outboxMessage.deleteMany({ where: { ticketId: ticket.id } });
  };
  await mail("SPOED: loonstrook met verkeerde uren", "Zoals telefonisch besproken: de uren van week 48 ontbreken.", new Date(now.getTime() - HOUR));
  await mail("SPOED: ziekmelding en loondoorbetaling", "Graag vandaag nog de loondoorbetaling aanpassen.", new Date(now.getTime() - 40 * 60_000));
}
