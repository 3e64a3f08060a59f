import { z } from "zod";
import { API_SCOPES } from "./scopes";
import { limitedText } from "@/lib/forms/error-code";

const id = z.string().trim().min(1).max(64);
// Form fields arrive as strings; an empty select or date means "none".
const emptyAsNull = (value: unknown) => (value === "" || value === undefined ? null : value);

// In the form's order: the refusal summary links to the first bad field, and focus goes there.
export const createTokenSchema = z.object({
  name: limitedText(100, 2),
  actorId: id,
  organisationId: z.preprocess(emptyAsNull, id.nullable()),
  // A date (end of that day in the form's meaning is not needed: the token stops at 00:00 UTC).
  expiresAt: z.preprocess(emptyAsNull, z.coerce.date().nullable()),
  // No scope ticked says what to choose.
  scopes: z.array(z.enum(API_SCOPES)).min(1, "CHOOSE_SCOPE"),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: id });
