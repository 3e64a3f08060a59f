import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { refused } from "@/lib/actions/transactional";
import type { SessionUser } from "@/lib/auth/queries";
import { audit } from "@/lib/audit/mutations";
import { BeneficiaryError, createBeneficiary } from "@/lib/beneficiaries/mutations";
import { BENEFICIARY_REFUSAL_FIELDS } from "@/lib/beneficiaries/rules";
import { beneficiaryFieldsSchema } from "@/lib/beneficiaries/schema";
import { db, type Tx } from "@/lib/db/client";
import { fixedHandlerFor } from "@/lib/org-admin/fixed-handler";
import { createTicket, type StoredAttachment, TicketRuleError } from "@/lib/tickets/mutations";
import { storeCheckedUploads } from "@/lib/uploads/storage";
import { checkReceiptDate } from "./intake-rules";
import { letterIntakeSchema, type LetterIntakeInput } from "./intake-schema";
import { letterAddressee, savePostalAddress } from "./mutations";
import { postalAddressOf } from "./rules";

export class LetterIntakeError extends Error {
  constructor(readonly code: "SENDER_NOT_FOUND") {
    super(code);
    this.name = "LetterIntakeError";
  }
}

async function senderOf(tx: Tx, user: SessionUser, input: LetterIntakeInput, now: Date): Promise<{ id: string; organisationId: string | null }> {
  if (input.senderMode === "new") {
    const fields = beneficiaryFieldsSchema.parse({
      name: input.name,
      email: input.email,
      clientNumber: input.clientNumber,
      postalStreet: input.street,
      postalCode: input.postalCode,
      postalCity: input.city,
    });
    return { id: (await createBeneficiary(tx, user.id, fields, now)).id, organisationId: null };
  }
  const sender = await tx.user.findFirst({
    where: { id: input.senderId, role: { in: ["BENEFICIARY", "EMPLOYER_CONTACT"] }, active: true },
    select: { id: true, memberships: { take: 1, select: { organisationId: true } } },
  });
  if (!sender) throw new LetterIntakeError("SENDER_NOT_FOUND");
  return { id: sender.id, organisationId: sender.memberships[0]?.organisationId ?? null };
}

/**
 * One letter, one transaction: the sender (created when new), a LETTER ticket whose answer clock
 * starts on the date of receipt and whose answer goes out as a letter, the scan on its first
 * message, and the address on the letter where Loket had none.
 */
async function registerLetterTx(tx: Tx, user: SessionUser, input: LetterIntakeInput, clockStartedAt: Date, scans: StoredAttachment[], now: Date) {
  const sender = await senderOf(tx, user, input, now);
  const ticket = await createTicket(
    tx,
    {
      subject: input.subject,
      categoryKey: input.categoryKey,
      channel: "LETTER",
      replyChannel: "LETTER",
      body: input.summary,
      requesterId: sender.id,
      organisationId: sender.organisationId,
      authorId: user.id,
      attachments: scans,
      assigneeId: await fixedHandlerFor(tx, sender.organisationId),
      clockStartedAt,
    },
    now,
  );
  const addressee = await letterAddressee(tx, ticket.id);
  const select = { postalStreet: true, postalCode: true, postalCity: true } as const;
  const known = addressee?.kind === "ORGANISATION" ? await tx.organisation.findUnique({ where: { id: addressee.id }, select }) : await tx.user.findUnique({ where: { id: sender.id }, select });
  // A stored address stays (it may be newer than the letter); a missing one is taken from the letter.
  if (!known || !postalAddressOf(known)) await savePostalAddress(tx, { ticketId: ticket.id, street: input.street, postalCode: input.postalCode, city: input.city, actorId: user.id });
  await audit(tx, { actorId: user.id, action: "letter.intake", entityType: "Ticket", entityId: ticket.id, data: { receivedOn: input.receivedOn, scans: scans.length, newSender: input.senderMode === "new" } });
  return { ticketId: ticket.id, number: ticket.number, dueAt: ticket.slaDueAt?.toISOString() ?? null };
}

export const registerLetter = defineAction({
  name: "letters.intake.register",
  schema: letterIntakeSchema,
  permission: "letters.intake.register",
  handler: async (input, { user, now }) => {
    const receipt = checkReceiptDate(input.receivedOn, now);
    if (!receipt.ok) return fail(receipt.code, { receivedOn: [receipt.code] });
    const scans = await storeCheckedUploads(input.files, now);
    if (typeof scans === "string") return fail(scans, { files: [scans] });
    try {
      return ok(await db.$transaction((tx) => registerLetterTx(tx, user, input, receipt.clockStartsAt, scans, now)));
    } catch (error) {
      // A new sender's address or number in use is said at its field, as the administration's forms say it.
      if (error instanceof BeneficiaryError) return refused(error.code, BENEFICIARY_REFUSAL_FIELDS);
      if (error instanceof LetterIntakeError || error instanceof TicketRuleError) return fail(error.code);
      throw error;
    }
  },
});
