import { z } from "zod";
import { beneficiaryFieldsSchema } from "@/lib/beneficiaries/schema";
import { limitedText, unlessFieldsFailed } from "@/lib/forms/error-code";
import { MAX_MESSAGE_LENGTH, uploadShape } from "@/lib/portal/schema";
import { postalAddressSchema } from "./schema";

const address = postalAddressSchema.omit({ ticketId: true });

/**
 * An incoming paper letter as the agent registers it: the sender (found, or a new beneficiary),
 * the address on the letter, what it is about, the date of receipt from the post stamp, the scan.
 */
export const letterIntakeSchema = z
  .object({
    senderMode: z.enum(["existing", "new"]),
    senderId: z.string().max(40).optional(),
    // A new sender: the fields staff give a beneficiary they create (lib/beneficiaries).
    name: z.string().optional(),
    email: z.string().optional(),
    clientNumber: z.string().optional(),
    // The category starts empty in the form: a missing one says what to choose.
    categoryKey: z.string().min(1, "CHOOSE_CATEGORY").max(64),
    subject: limitedText(150, 3),
    receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "RECEIPT_DATE_INVALID"),
    summary: limitedText(MAX_MESSAGE_LENGTH),
    // The scan is named in the same round as the other fields (an empty form lists it too).
    files: z.array(uploadShape).max(20).default([]).refine((files) => files.length > 0, "SCAN_REQUIRED"),
  })
  .extend(address.shape)
  .superRefine((value, ctx) => {
    if (value.senderMode === "existing" && !value.senderId) ctx.addIssue({ code: "custom", path: ["senderId"], message: "CHOOSE_SENDER" });
    if (value.senderMode === "new") {
      const sender = beneficiaryFieldsSchema.pick({ name: true, email: true, clientNumber: true }).safeParse(value);
      for (const issue of sender.success ? [] : sender.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
    // Also when another field is wrong: an empty form names the new sender's fields in the same round.
  }, { when: unlessFieldsFailed(["senderMode", "senderId", "name", "email", "clientNumber"]) });
export type LetterIntakeInput = z.output<typeof letterIntakeSchema>;
