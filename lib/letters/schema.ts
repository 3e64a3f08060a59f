import { z } from "zod";
import { normalizePostcode } from "./rules";

export const postalAddressSchema = z.object({
  ticketId: z.string().min(1).max(64),
  // A Dutch street address carries a house number ("Kerkstraat 12", "Postbus 93122").
  street: z.string().trim().min(3, "TOO_SHORT").max(100, "TOO_LONG").regex(/\d/, "HOUSE_NUMBER"),
  postalCode: z
    .string()
    .max(12, "POSTCODE")
    .transform((value, ctx) => {
      const normalized = normalizePostcode(value);
      if (!normalized) {
        ctx.addIssue({ code: "custom", message: "POSTCODE" });
        return z.NEVER;
      }
      return normalized;
    }),
  city: z.string().trim().min(2, "TOO_SHORT").max(60, "TOO_LONG"),
});
export type PostalAddressInput = z.output<typeof postalAddressSchema>;
