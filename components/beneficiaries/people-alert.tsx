"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";

// Every refusal code of the customer pages; anything else reads "unexpected".
const KNOWN = new Set([
  "INVALID_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "UNEXPECTED", "RATE_LIMITED", "USER_NOT_FOUND", "EMAIL_IN_USE", "CLIENT_NUMBER_TAKEN",
  "ACCOUNT_INACTIVE", "ALREADY_ACTIVE", "ALREADY_MERGED", "SAME_PERSON", "NOT_A_BENEFICIARY",
]);

export function PeopleAlert({ reason }: { reason: string | null }) {
  const t = useTranslations("peopleErrors");
  if (!reason) return null;
  return <ErrorNote>{t(KNOWN.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>;
}
