import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";
import { normalizePostcode } from "./rules";

export const postalAddressSchema = z.object({
  ticketId: z.string().min(1).max(64),
  // A Dutch street address carries a house number ("Kerkstraat 12", "Postbus 93122").
  street: limitedText(100, 3).regex(/\d/, "HOUSE_NUMBER"),
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
  city: limitedText(60, 2),
});
export type PostalAddressInput = z.output<typeof postalAddressSchema>;
