"use client";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields } from "@/lib/forms/error-code";

// Every refusal code of the organisation pages; anything else reads "unexpected".
const KNOWN = new Set([
  "NOT_FOUND", "EXTERNAL_NUMBER_TAKEN", "CSM_NOT_FOUND", "HANDLER_NOT_FOUND", "ORGANISATION_INACTIVE", "EMAIL_IN_USE", "INVITE_OPEN",
  "INVITATION_NOT_FOUND", "RATE_LIMITED", "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED",
]);

/** The refusal above a form; refused fields read as the one summary every form shares (`idOf`: the forms prefix their ids). */
export function OrgAdminAlert({ reason, fieldErrors, idOf }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined>; idOf?: (field: string) => string }) {
  const t = useTranslations("orgAdminErrors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />;
  return <ErrorNote>{t(KNOWN.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>;
}
