import { z } from "zod";
import { API_SCOPES } from "./scopes";
import { limitedText } from "@/lib/forms/error-code";
import { startOfAmsterdamDay } from "@/lib/calendar/rules";
import { formatDateKey, parseDateKey } from "@/lib/calendar/local-time";

const id = z.string().trim().min(1).max(64);
// Form fields arrive as strings; an empty select or date means "none".
const emptyAsNull = (value: unknown) => (value === "" || value === undefined ? null : value);

// In the form's order: the refusal summary links to the first bad field, and focus goes there.
export const createTokenSchema = z.object({
  name: limitedText(100, 2),
  actorId: id,
  organisationId: z.preprocess(emptyAsNull, id.nullable()),
  // The last day it works, as the admin picks it: it stops at the end of that day in Amsterdam
  // (it stopped at 00:00 UTC that morning, so a token "valid until today" was refused as past).
  expiresAt: z.preprocess(
    emptyAsNull,
    z
      .string()
      .refine((key) => parseDateKey(key) !== null, "INVALID_DATE")
      .transform((key) => startOfAmsterdamDay(formatDateKey(parseDateKey(key)! + 1)))
      .nullable(),
  ),
  // No scope ticked says what to choose.
  scopes: z.array(z.enum(API_SCOPES)).min(1, "CHOOSE_SCOPE"),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: id });
