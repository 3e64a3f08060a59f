import { z } from "zod";
import { PHONE_NUMBER, phoneDigitsOf } from "@/lib/callbacks/schema";
import { errorCode, limitedText } from "@/lib/forms/error-code";

const id = z.string().min(1).max(64);
const text = (max: number) => limitedText(max, 2);

export const logCallSchema = z
  .object({
    // Absent for an unknown caller with a general question.
    callerId: id.optional(),
    callerName: z.string().trim().max(120, errorCode("TOO_LONG", 120)).optional(),
    // A number someone can be called back on, as the callback booking asks (phoneSchema), or none.
    phone: z
      .string()
      .trim()
      .max(30, errorCode("TOO_LONG", 30))
      .refine((v) => v === "" || PHONE_NUMBER.test(phoneDigitsOf(v)), "INVALID_PHONE")
      .transform(phoneDigitsOf)
      .optional(),
    // Register on an existing ticket of the caller, or open a new one.
    ticketId: id.optional(),
    subject: z.string().trim().max(200, errorCode("TOO_LONG", 200)).optional(),
    // A missing choice says what to choose.
    categoryKey: z.string().min(1, "CHOOSE_CATEGORY").max(64),
    teamId: z.string().min(1, "CHOOSE_TEAM").max(64),
    summary: text(5_000),
    outcome: z.enum(["RESOLVED", "OPEN", "CALLBACK"]),
    callbackDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE").optional(),
    callbackSlot: z.enum(["MORNING", "AFTERNOON"]).optional(),
    // Completes a call record the telephone platform drafted (the agent's own) instead of a new one.
    draftCallId: id.optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.ticketId && (!value.subject || value.subject.length < 2)) ctx.addIssue({ code: "custom", path: ["subject"], message: value.subject ? errorCode("TOO_SHORT", 2) : "REQUIRED" });
    if (value.outcome === "CALLBACK") {
      if (!value.callbackDate) ctx.addIssue({ code: "custom", path: ["callbackDate"], message: "CHOOSE_MOMENT" });
      if (!value.callbackSlot) ctx.addIssue({ code: "custom", path: ["callbackSlot"], message: "CHOOSE_MOMENT" });
      if (!value.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "REQUIRED" });
    }
  });
export type LogCallInput = z.output<typeof logCallSchema>;

export const preAnnouncementSchema = z.object({
  organisationId: z.string().min(1, "CHOOSE_ORGANISATION").max(64),
  callerName: text(120),
  subject: text(200),
  reason: text(2_000),
  forWhom: text(300),
  handedOverToId: z.string().min(1, "CHOOSE_HANDOVER").max(64),
});
export type PreAnnouncementInput = z.output<typeof preAnnouncementSchema>;
