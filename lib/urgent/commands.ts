import "server-only";
import { defineTxAction } from "@/lib/actions/transactional";
import { defineEmployerAction } from "@/lib/employer/action";
import { TicketRuleError } from "@/lib/tickets/mutations";
import { fileUrgentRequest } from "./mutations";
import { expirySettingSchema, relinkSchema, urgentRequestSchema, urgentWordsSchema, verificationSchema } from "./schema";
import { ExpirySettingError, savePreAnnouncementExpiry } from "./expiry-setting";
import { saveUrgentWords, UrgentWordsError } from "./settings";
import { recordVerification, relinkPreAnnouncement, UrgentRuleError } from "./verification";

export const submitUrgentRequest = defineEmployerAction({
  name: "urgent.request",
  schema: urgentRequestSchema,
  permission: "employer.request.submit",
  refusals: [TicketRuleError],
  run: async (tx, actor, input, now) => {
    const outcome = await fileUrgentRequest(tx, actor, input, now);
    return { number: outcome.number, dueAt: outcome.dueAt.toISOString(), preAnnounced: outcome.preAnnounced };
  },
});

/** The confirming call's outcome, by a case handler or up (DESIGN: Urgent requests, step 2). */
export const recordUrgentVerification = defineTxAction({
  name: "urgent.verification",
  schema: verificationSchema,
  permission: "urgent.verification.record",
  refusals: [UrgentRuleError, TicketRuleError],
  run: (tx, input, { user, now }) => recordVerification(tx, user, input, now),
});

/** The agent corrects which urgent request a phone pre-announcement was matched to. */
export const relinkUrgentPreAnnouncement = defineTxAction({
  name: "urgent.preAnnouncement.relink",
  schema: relinkSchema,
  permission: "phone.preannouncement.link",
  refusals: [UrgentRuleError, TicketRuleError],
  run: (tx, input, { user, now }) => relinkPreAnnouncement(tx, user, input, now),
});

/** The words that make a mail subject urgent (admins). */
export const updateUrgentWords = defineTxAction({
  name: "settings.urgentWords",
  schema: urgentWordsSchema,
  permission: "settings.manage",
  refusals: [UrgentWordsError],
  run: (tx, input, { user }) => saveUrgentWords(tx, input.words, user.id),
});

/** How long a phone pre-announcement matches urgent mails: n open days of a line (admins). */
export const updatePreAnnouncementExpiry = defineTxAction({
  name: "settings.preAnnouncementExpiry",
  schema: expirySettingSchema,
  permission: "settings.manage",
  refusals: [ExpirySettingError],
  run: (tx, input, { user, now }) => savePreAnnouncementExpiry(tx, input, user.id, now),
});
