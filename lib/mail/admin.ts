import "server-only";
import { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { retryFailedMail } from "./delivery";

/** An admin puts a mail that failed for good back in the queue. */
export const retryMail = defineAction({
  name: "mail.retry",
  schema: z.object({ id: z.string().min(1).max(64) }),
  permission: "mail.outbox.manage",
  async handler(input, { user, now }) {
    const retried = await retryFailedMail(db, input.id, user.id, now);
    return retried ? ok(undefined) : fail("NOT_FAILED");
  },
});
