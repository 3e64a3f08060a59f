"use client";
import { useTranslations } from "next-intl";

/** Maps an action's refusal code to a translated sentence; unknown codes get the generic one. */
export function useErrorText(namespace: string) {
  const t = useTranslations(namespace);
  return (reason: string) => (t.has(`errors.${reason}`) ? t(`errors.${reason}`) : t("errors.GENERIC"));
}

export function fieldError(fieldErrors: Record<string, string[]> | undefined, name: string): string | undefined {
  return fieldErrors?.[name]?.[0];
}
