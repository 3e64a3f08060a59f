import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { CallbackRuleError } from "@/lib/callbacks/mutations";
import { db } from "@/lib/db/client";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { logCall, logPreAnnouncement, PhoneRuleError } from "./mutations";
import { logCallSchema, preAnnouncementSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof PhoneRuleError || error instanceof TicketRuleError || error instanceof CallbackRuleError) return fail(error.code);
  throw error;
}

export const logPhoneCall = defineAction({
  name: "phone.call",
  schema: logCallSchema,
  permission: "phone.call.log",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => logCall(tx, user, input, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

export const logPhonePreAnnouncement = defineAction({
  name: "phone.preAnnouncement",
  schema: preAnnouncementSchema,
  permission: "phone.preannouncement.log",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => logPreAnnouncement(tx, user, input, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
