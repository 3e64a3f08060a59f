import { z } from "zod";

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(2, "TOO_SHORT").max(max, "TOO_LONG");

export const logCallSchema = z
  .object({
    // Absent for an unknown caller with a general question.
    callerId: id.optional(),
    callerName: z.string().trim().max(120, "TOO_LONG").optional(),
    phone: z.string().trim().max(30, "TOO_LONG").regex(/^[+\d\s()-]*$/, "INVALID_PHONE").optional(),
    // Register on an existing ticket of the caller, or open a new one.
    ticketId: id.optional(),
    subject: z.string().trim().max(200, "TOO_LONG").optional(),
    categoryKey: z.string().min(1).max(64),
    teamId: id,
    summary: text(5_000),
    outcome: z.enum(["RESOLVED", "OPEN", "CALLBACK"]),
    callbackDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "INVALID_DATE").optional(),
    callbackSlot: z.enum(["MORNING", "AFTERNOON"]).optional(),
    // Completes a call record the telephone platform drafted (the agent's own) instead of a new one.
    draftCallId: id.optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.ticketId && (!value.subject || value.subject.length < 2)) ctx.addIssue({ code: "custom", path: ["subject"], message: "REQUIRED" });
    if (value.outcome === "CALLBACK") {
      if (!value.callbackDate) ctx.addIssue({ code: "custom", path: ["callbackDate"], message: "REQUIRED" });
      if (!value.callbackSlot) ctx.addIssue({ code: "custom", path: ["callbackSlot"], message: "REQUIRED" });
      if (!value.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "REQUIRED" });
    }
  });
export type LogCallInput = z.output<typeof logCallSchema>;

export const preAnnouncementSchema = z.object({
  organisationId: id,
  callerName: text(120),
  subject: text(200),
  reason: text(2_000),
  forWhom: text(300),
  handedOverToId: id,
});
export type PreAnnouncementInput = z.output<typeof preAnnouncementSchema>;
