import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction, refusalCode } from "@/lib/actions/transactional";
import { db } from "@/lib/db/client";
import { ErasureError, erasePerson } from "./erasure";
import { removeFiles } from "./files";
import { HoldError, placeHold, releaseHold } from "./holds";
import { eraseSchema, placeHoldSchema, releaseHoldSchema, retentionInputSchema } from "./schema";
import { saveRetentionSettings } from "./settings";

export const updateRetention = defineTxAction({
  name: "privacy.retention",
  schema: retentionInputSchema,
  permission: "privacy.manage",
  refusals: [],
  run: (tx, input, { user }) => saveRetentionSettings(tx, input, user.id),
});

export const placeLegalHold = defineTxAction({
  name: "privacy.hold.place",
  schema: placeHoldSchema,
  permission: "privacy.manage",
  refusals: [HoldError],
  run: (tx, input, { user, now }) => placeHold(tx, user.id, input, now),
});

export const releaseLegalHold = defineTxAction({
  name: "privacy.hold.release",
  schema: releaseHoldSchema,
  permission: "privacy.manage",
  refusals: [HoldError],
  run: (tx, input, { user, now }) => releaseHold(tx, user.id, input.holdId, now),
});

/**
 * Erasure: one transaction for the rows, then the stored files once it committed. OPEN_TICKETS
 * says what must be finished first (as field errors: tickets, complaints, callbacks).
 */
export const erasePersonAction = defineAction({
  name: "privacy.erase",
  schema: eraseSchema,
  permission: "privacy.manage",
  handler: async (input, { user, now }) => {
    try {
      const erased = await db.$transaction((tx) => erasePerson(tx, user.id, input.userId, input.reason, now));
      const files = await removeFiles(db, erased.files);
      return ok({ tickets: erased.tickets, calls: erased.calls, attachments: erased.attachments, filesFailed: files.failed });
    } catch (error) {
      if (error instanceof ErasureError && error.open) {
        const { tickets, complaints, callbacks } = error.open;
        return fail(error.code, Object.fromEntries(Object.entries({ tickets, complaints, callbacks }).filter(([, list]) => list.length > 0)));
      }
      const code = refusalCode(error, [ErasureError]);
      if (code) return fail(code);
      throw error;
    }
  },
});
