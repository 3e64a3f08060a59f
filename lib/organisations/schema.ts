import { z } from "zod";
import { errorCode, limitedText } from "@/lib/forms/error-code";

export const GRANTABLE_RIGHTS = ["MANAGE_USERS", "MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"] as const;

export const inviteSchema = z.object({
  // In the form's order: the refusal summary links to the first bad field.
  name: limitedText(120, 2),
  email: z.string().trim().toLowerCase().max(254, "INVALID_EMAIL").pipe(z.email("INVALID_EMAIL")),
  rights: z.array(z.enum(GRANTABLE_RIGHTS)).max(3).default([]),
  hrProfessional: z.boolean().default(false),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const setRightsSchema = z.object({
  userId: z.string().min(1).max(40),
  rights: z.array(z.enum(GRANTABLE_RIGHTS)).max(3),
  hrProfessional: z.boolean(),
});
export type SetRightsInput = z.output<typeof setRightsSchema>;

export const invitationSchema = z.object({ invitationId: z.string().min(1).max(40) });

export const deactivateSchema = z.object({ userId: z.string().min(1).max(40) });

export const acceptInviteSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: z.string().min(1, "REQUIRED").max(1024, errorCode("TOO_LONG", 1024)),
    confirm: z.string().max(1024, errorCode("TOO_LONG", 1024)),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "PASSWORD_MISMATCH" });
export type AcceptInviteInput = z.output<typeof acceptInviteSchema>;
