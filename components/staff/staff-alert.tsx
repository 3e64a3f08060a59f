"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields } from "@/lib/forms/error-code";
import { useTranslations } from "next-intl";

// Every refusal code of the staff pages and the staff enrolment; anything else reads "unexpected".
const KNOWN = new Set([
  "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED", "SESSION_EXPIRED", "ENROLMENT_INCOMPLETE",
  "WRONG_CODE", "REPLAYED_CODE", "NOT_ENROLLING", "ALREADY_ENROLLED",
  "EMAIL_IN_USE", "RATE_LIMITED", "UNKNOWN_TEAM", "NOT_STAFF_ROLE", "USER_NOT_FOUND", "LAST_ADMIN", "TEAM_KEY_IN_USE", "TEAM_NAME_IN_USE", "TEAM_NOT_FOUND", "INVITE_OPEN",
]);

export function staffReason(reason: string): string {
  return KNOWN.has(reason) ? reason : "UNEXPECTED";
}

/** The refusal above a form; refused fields read as the one summary every form shares (ids via `idOf`: the staff forms prefix theirs). */
export function StaffAlert({ reason, fieldErrors, idOf }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined>; idOf?: (field: string) => string }) {
  const t = useTranslations("staffErrors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />;
  return (
    <ErrorNote>{t(staffReason(reason))}</ErrorNote>
  );
}
