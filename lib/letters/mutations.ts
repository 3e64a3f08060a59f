import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { postalAddressOf } from "./rules";
import type { PostalAddressInput } from "./schema";

export class LetterRuleError extends Error {
  constructor(readonly code: "NO_POSTAL_ADDRESS" | "NO_ADDRESSEE") {
    super(code);
    this.name = "LetterRuleError";
  }
}

/**
 * Who a ticket's letter goes to: the organisation for an employer's ticket (employer letters go
 * to the company's address), else the requester. Null for an unknown caller: nobody to address.
 */
export async function letterAddressee(tx: Tx, ticketId: string): Promise<{ kind: "ORGANISATION" | "PERSON"; id: string } | null> {
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId }, select: { organisationId: true, requesterId: true } });
  if (ticket?.organisationId) return { kind: "ORGANISATION", id: ticket.organisationId };
  if (ticket?.requesterId) return { kind: "PERSON", id: ticket.requesterId };
  return null;
}

/** Records or corrects the postal address letters on this ticket go to; audited without the address itself. */
export async function savePostalAddress(tx: Tx, input: PostalAddressInput & { actorId: string }): Promise<{ kind: "ORGANISATION" | "PERSON" }> {
  const addressee = await letterAddressee(tx, input.ticketId);
  if (!addressee) throw new LetterRuleError("NO_ADDRESSEE");
  const data = { postalStreet: input.street, postalCode: input.postalCode, postalCity: input.city };
  if (addressee.kind === "ORGANISATION") await tx.organisation.update({ where: { id: addressee.id }, data });
  else await tx.user.update({ where: { id: addressee.id }, data });
  await audit(tx, {
    actorId: input.actorId,
    action: "postal_address.update",
    entityType: addressee.kind === "ORGANISATION" ? "Organisation" : "User",
    entityId: addressee.id,
    ticketId: input.ticketId,
    data: { ticketId: input.ticketId },
  });
  return { kind: addressee.kind };
}

/** A letter is only written for someone whose address is known: it could not be posted otherwise. */
export async function requireLetterAddress(tx: Tx, ticketId: string): Promise<void> {
  const addressee = await letterAddressee(tx, ticketId);
  if (!addressee) throw new LetterRuleError("NO_POSTAL_ADDRESS");
  const select = { postalStreet: true, postalCode: true, postalCity: true } as const;
  const record =
    addressee.kind === "ORGANISATION"
      ? await tx.organisation.findUnique({ where: { id: addressee.id }, select })
      : await tx.user.findUnique({ where: { id: addressee.id }, select });
  if (!record || !postalAddressOf(record)) throw new LetterRuleError("NO_POSTAL_ADDRESS");
}
