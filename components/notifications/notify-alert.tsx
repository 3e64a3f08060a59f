"use client";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/form-action";

const KNOWN = new Set(["INVALID_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED"]);

export function NotifyAlert({ reason }: { reason: string | null }) {
  const t = useTranslations("notifyErrors");
  if (!reason) return null;
  return <ErrorNote>{t(KNOWN.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>;
}
