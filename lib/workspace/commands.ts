import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { addInternalNote, addStaffReply, changeTicket, TicketRuleError } from "@/lib/tickets/mutations";
import { storeCheckedUploads } from "@/lib/uploads/storage";
import { LetterRuleError, requireLetterAddress } from "@/lib/letters/mutations";
import { applyMacroOnReply, MacroRuleError } from "@/lib/macros/mutations";
import { unfilledMarkers } from "@/lib/macros/rules";
import { checkChangeTargets, requireScopedTicket, WorkspaceRuleError } from "./mutations";
import { changeSchema, noteSchema, replySchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof TicketRuleError || error instanceof WorkspaceRuleError || error instanceof MacroRuleError || error instanceof LetterRuleError) return fail(error.code);
  throw error;
}

export const replyToTicket = defineAction({
  name: "ticket.reply",
  schema: replySchema,
  permission: "workspace.ticket.reply",
  handler: async (input, { user, now }) => {
    // A macro placeholder without a value stays as "[terugbelmoment]" for the agent to fill in;
    // it is never sent as is.
    const unfilled = unfilledMarkers(input.body);
    if (unfilled.length > 0) return fail("UNFILLED_PLACEHOLDER", { body: unfilled });
    const attachments = await storeCheckedUploads(input.files, now);
    if (typeof attachments === "string") return fail(attachments, { files: [attachments] });
    try {
      const result = await db.$transaction(async (tx) => {
        await requireScopedTicket(tx, user, input.ticketId);
        const sent = await addStaffReply(tx, { ticketId: input.ticketId, authorId: user.id, body: input.body, channel: input.channel, attachments }, now);
        // Thrown inside the transaction, so no letter is written for someone it cannot be posted to.
        if (sent.channel === "LETTER") await requireLetterAddress(tx, input.ticketId);
        if (input.macroId) await applyMacroOnReply(tx, user, { ticketId: input.ticketId, macroId: input.macroId }, now);
        return sent;
      });
      return ok(result);
    } catch (error) {
      return refusal(error);
    }
  },
});

export const addNote = defineAction({
  name: "ticket.note",
  schema: noteSchema,
  permission: "workspace.ticket.note",
  handler: async (input, { user, now }) => {
    try {
      const result = await db.$transaction(async (tx) => {
        await requireScopedTicket(tx, user, input.ticketId);
        return addInternalNote(tx, { ticketId: input.ticketId, authorId: user.id, body: input.body }, now);
      });
      return ok(result);
    } catch (error) {
      return refusal(error);
    }
  },
});

/** Whether the ticket still has what the form showed for each field it changes (read under a lock). */
async function stillAsShown(tx: Tx, ticketId: string, expected: NonNullable<z.output<typeof changeSchema>["expected"]>): Promise<boolean> {
  const [current] = await tx.$queryRaw<{ status: string; categoryKey: string; teamId: string | null; assigneeId: string | null; priority: string }[]>`
    SELECT t."status"::text AS "status", c."key" AS "categoryKey", t."teamId", t."assigneeId", t."priority"::text AS "priority"
    FROM "Ticket" t JOIN "TicketCategory" c ON c."id" = t."categoryId" WHERE t."id" = ${ticketId} FOR UPDATE OF t`;
  if (!current) return false;
  return (Object.keys(expected) as (keyof typeof expected)[]).every((field) => expected[field] === undefined || expected[field] === current[field]);
}

export const changeTicketFields = defineAction({
  name: "ticket.change",
  schema: changeSchema,
  permission: "workspace.ticket.change",
  handler: async (input, { user, now }) => {
    try {
      await db.$transaction(async (tx) => {
        const ticket = await requireScopedTicket(tx, user, input.ticketId);
        // A closed ticket stays closed; a new question becomes a new ticket.
        if (ticket.status === "CLOSED") throw new WorkspaceRuleError("TICKET_CLOSED");
        const { expected, ...change } = input;
        if (expected && !(await stillAsShown(tx, input.ticketId, expected))) throw new WorkspaceRuleError("CHANGED_MEANWHILE");
        await checkChangeTargets(tx, user, change);
        await changeTicket(tx, { ...change, actorId: user.id }, now);
      });
      return ok({ id: input.ticketId });
    } catch (error) {
      return refusal(error);
    }
  },
});
