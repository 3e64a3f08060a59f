import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { requireScopedTicket } from "@/lib/workspace/mutations";
import { LetterRuleError, savePostalAddress } from "./mutations";
import { postalAddressSchema } from "./schema";

/** Staff record or correct the postal address of a ticket they may work on (the letter's addressee). */
export const updatePostalAddress = defineAction({
  name: "postal.update",
  schema: postalAddressSchema,
  permission: "workspace.postalAddress.edit",
  handler: async (input, { user }) => {
    try {
      const result = await db.$transaction(async (tx) => {
        await requireScopedTicket(tx, user, input.ticketId);
        return savePostalAddress(tx, { ...input, actorId: user.id });
      });
      return ok(result);
    } catch (error) {
      if (error instanceof LetterRuleError || error instanceof TicketRuleError) return fail(error.code);
      throw error;
    }
  },
});
