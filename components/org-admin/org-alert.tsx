"use client";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/form-action";

// Every refusal code of the organisation pages; anything else reads "unexpected".
const KNOWN = new Set([
  "NOT_FOUND", "EXTERNAL_NUMBER_TAKEN", "CSM_NOT_FOUND", "HANDLER_NOT_FOUND", "ORGANISATION_INACTIVE", "EMAIL_IN_USE", "INVITE_OPEN",
  "INVITATION_NOT_FOUND", "RATE_LIMITED", "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED",
]);

export function OrgAdminAlert({ reason }: { reason: string | null }) {
  const t = useTranslations("orgAdminErrors");
  if (!reason) return null;
  return <ErrorNote>{t(KNOWN.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>;
}
