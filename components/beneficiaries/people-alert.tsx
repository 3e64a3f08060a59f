"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields } from "@/lib/forms/error-code";
import { useTranslations } from "next-intl";

// Every refusal code of the customer pages; anything else reads "unexpected".
const KNOWN = new Set([
  "INVALID_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "UNEXPECTED", "RATE_LIMITED", "USER_NOT_FOUND", "EMAIL_IN_USE", "CLIENT_NUMBER_TAKEN",
  "ACCOUNT_INACTIVE", "ALREADY_ACTIVE", "ALREADY_MERGED", "SAME_PERSON", "NOT_A_BENEFICIARY", "NO_EMAIL", "EMAIL_NEEDED_FOR_PORTAL",
]);

/** The refusal above a form; refused fields read as the one summary every form shares (`idOf`: the forms prefix their ids). */
export function PeopleAlert({ reason, fieldErrors, idOf }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined>; idOf?: (field: string) => string }) {
  const t = useTranslations("peopleErrors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />;
  return <ErrorNote>{t(KNOWN.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>;
}
