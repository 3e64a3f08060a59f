import { z } from "zod";
import { errorCode } from "@/lib/forms/error-code";

// Bounded so nobody sends megabytes to argon2; the policy decides the real length limits.
const secret = z.string().max(1024, errorCode("TOO_LONG", 1024));

const newPassword = {
  password: secret.min(1, "REQUIRED"),
  confirm: secret.min(1, "REQUIRED"),
};
const matching = { message: "PASSWORD_MISMATCH", path: ["confirm"] };

export const changePasswordSchema = z
  .object({ current: secret.min(1, "REQUIRED"), ...newPassword })
  .refine((v) => v.password === v.confirm, matching);
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const requestResetSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "REQUIRED").max(254, "INVALID_EMAIL").pipe(z.email("INVALID_EMAIL")),
});

export const resetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), ...newPassword })
  .refine((v) => v.password === v.confirm, matching);
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;
