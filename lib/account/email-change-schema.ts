import { z } from "zod";
import { errorCode } from "@/lib/forms/error-code";

export const requestEmailChangeSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "REQUIRED").max(254, "INVALID_EMAIL").pipe(z.email("INVALID_EMAIL")),
  current: z.string().min(1, "REQUIRED").max(1024, errorCode("TOO_LONG", 1024)),
});
export type RequestEmailChangeInput = z.output<typeof requestEmailChangeSchema>;

export const confirmEmailChangeSchema = z.object({ token: z.string().min(1).max(200) });
