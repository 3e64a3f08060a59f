import { z } from "zod";
import { API_SCOPES } from "./scopes";

const id = z.string().trim().min(1).max(64);
// Form fields arrive as strings; an empty select or date means "none".
const emptyAsNull = (value: unknown) => (value === "" || value === undefined ? null : value);

export const createTokenSchema = z.object({
  name: z.string().trim().min(2, "TOO_SHORT").max(100, "TOO_LONG"),
  scopes: z.array(z.enum(API_SCOPES)).min(1, "REQUIRED"),
  actorId: id,
  organisationId: z.preprocess(emptyAsNull, id.nullable()),
  // A date (end of that day in the form's meaning is not needed: the token stops at 00:00 UTC).
  expiresAt: z.preprocess(emptyAsNull, z.coerce.date().nullable()),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: id });
