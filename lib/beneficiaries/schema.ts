import { z } from "zod";
import { errorCode, limitedText } from "@/lib/forms/error-code";
import { normalizePostcode } from "@/lib/letters/rules";

// Staff type these in the administration: the same bounds as the import (lib/import/schema.ts).
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, errorCode("TOO_LONG", max))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

const userId = z.string().min(1).max(40);

export const beneficiaryFieldsSchema = z.object({
  // Limits travel in the codes ("TOO_SHORT:2"), so the form says them.
  name: limitedText(120, 2),
  // Empty for someone who writes letters and has no address: answers go by post, and there is no
  // portal invitation until staff add one.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "INVALID_EMAIL")
    .transform((v) => (v === "" ? null : v))
    .pipe(z.email("INVALID_EMAIL").nullable())
    .nullable()
    .default(null),
    // Kept as typed (the import does the same), so one number is one spelling.
  clientNumber: z.string().trim().min(1, "REQUIRED").max(40, errorCode("TOO_LONG", 40)).regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, "CLIENT_NUMBER"),
  phone: optional(30).refine((v) => v === null || /^[+0-9][0-9 ()-]{5,}$/.test(v), "PHONE"),
  postalStreet: optional(100),
  postalCode: optional(12).transform((value, ctx) => {
    if (value === null) return null;
    const normalized = normalizePostcode(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "POSTCODE" });
      return z.NEVER;
    }
    return normalized;
  }),
  postalCity: optional(60),
  locale: z.enum(["nl", "en"]).default("nl"),
});
export type BeneficiaryFields = z.output<typeof beneficiaryFieldsSchema>;

export const createBeneficiarySchema = beneficiaryFieldsSchema;
export const updateBeneficiarySchema = beneficiaryFieldsSchema.extend({ userId });
export type UpdateBeneficiaryInput = z.output<typeof updateBeneficiarySchema>;

export const beneficiaryIdSchema = z.object({ userId });
export const setBeneficiaryActiveSchema = z.object({ userId, active: z.boolean() });
export const mergeBeneficiariesSchema = z.object({ survivorId: userId, duplicateId: userId });
export type MergeInput = z.output<typeof mergeBeneficiariesSchema>;
