import { z } from "zod";
import { errorCode, limitedText } from "@/lib/forms/error-code";
import { normalizePostcode } from "@/lib/letters/rules";
import { normaliseIdentifier, passesElevenTest } from "@/lib/sso/rules";
import { normaliseExternalNumber } from "./rules";

const id = z.string().min(1).max(40);
/** An empty select means "none". */
const optionalId = z
  .string()
  .max(40)
  .nullish()
  .transform((value) => (value ? value : null));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, errorCode("TOO_LONG", max))
    .nullish()
    .transform((value) => (value ? value : null));

/** An optional field read through `normalise`: empty is none, a value it refuses is `code`. */
const optionalNormalised = (max: number, code: string, normalise: (value: string) => string | null) =>
  z
    .string()
    .max(max, code)
    .nullish()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const normalised = normalise(value);
      if (!normalised) {
        ctx.addIssue({ code: "custom", message: code });
        return z.NEVER;
      }
      return normalised;
    });

const postalCode = optionalNormalised(12, "POSTCODE", normalizePostcode);
/** A KvK number (8 digits) or RSIN (9 digits), stored as eHerkenning asserts it. */
const companyNumber = (kind: "kvk" | "rsin", code: string) => optionalNormalised(20, code, (value) => normaliseIdentifier(kind, value));

export const organisationFieldsSchema = z.object({
  externalNumber: z
    .string()
    .transform(normaliseExternalNumber)
    .pipe(z.string().min(2, { message: errorCode("TOO_SHORT", 2), abort: true }).max(40, { message: errorCode("TOO_LONG", 40), abort: true }).regex(/^[A-Z0-9][A-Z0-9./-]*$/, "EXTERNAL_NUMBER")),
  name: limitedText(120, 2),
  kvkNumber: companyNumber("kvk", "KVK_NUMBER"),
  // Typed by an admin, so its check digit is checked too (a broker's assertion is taken as sent).
  rsin: companyNumber("rsin", "RSIN").refine((value) => value === null || value === undefined || passesElevenTest(value), "RSIN_CHECK"),
  // A missing kind says what to choose.
  kind: z.enum(["EMPLOYER", "PARTNER"], "CHOOSE_KIND"),
  isPartner: z.boolean().default(false),
  twoFactorRequired: z.boolean().default(false),
  customerSuccessManagerId: optionalId,
  fixedCaseHandlerId: optionalId,
  postalStreet: optionalText(100),
  postalCode,
  postalCity: optionalText(60),
});
export type OrganisationFields = z.output<typeof organisationFieldsSchema>;

export const updateOrganisationSchema = organisationFieldsSchema.extend({ organisationId: id });
export type UpdateOrganisationInput = z.output<typeof updateOrganisationSchema>;

export const inviteMainContactSchema = z.object({
  organisationId: id,
  // In the form's order: the refusal summary links to the first bad field.
  name: limitedText(120, 2),
  email: z.string().trim().toLowerCase().max(254, "INVALID_EMAIL").pipe(z.email("INVALID_EMAIL")),
});
export type InviteMainContactInput = z.output<typeof inviteMainContactSchema>;

export const setOrganisationActiveSchema = z.object({ organisationId: id, active: z.boolean() });

export const organisationInvitationSchema = z.object({ invitationId: id });
