"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";

// Every refusal code of the staff pages and the staff enrolment; anything else reads "unexpected".
const KNOWN = new Set([
  "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED", "SESSION_EXPIRED", "ENROLMENT_INCOMPLETE",
  "WRONG_CODE", "REPLAYED_CODE", "NOT_ENROLLING", "ALREADY_ENROLLED",
  "EMAIL_IN_USE", "RATE_LIMITED", "UNKNOWN_TEAM", "NOT_STAFF_ROLE", "USER_NOT_FOUND", "LAST_ADMIN", "TEAM_KEY_IN_USE", "TEAM_NOT_FOUND", "INVITE_OPEN",
]);

export function staffReason(reason: string): string {
  return KNOWN.has(reason) ? reason : "UNEXPECTED";
}

export function StaffAlert({ reason }: { reason: string | null }) {
  const t = useTranslations("staffErrors");
  if (!reason) return null;
  return (
    <ErrorNote>{t(staffReason(reason))}</ErrorNote>
  );
}
