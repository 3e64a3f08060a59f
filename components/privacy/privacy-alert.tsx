"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";

// Every refusal code of the privacy pages; anything else reads "unexpected".
const KNOWN = new Set([
  "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED",
  "NOT_FOUND", "ALREADY_HELD", "ALREADY_RELEASED",
  "USER_NOT_FOUND", "STAFF_ACCOUNT", "ALREADY_ERASED", "LEGAL_HOLD", "OPEN_TICKETS",
]);

export function PrivacyAlert({ reason, details }: { reason: string | null; details?: Record<string, string[]> }) {
  const t = useTranslations("privacyErrors");
  if (!reason) return null;
  const code = KNOWN.has(reason) ? reason : "UNEXPECTED";
  const open = code === "OPEN_TICKETS" ? (["tickets", "complaints", "callbacks"] as const).filter((k) => details?.[k]?.length) : [];
  return (
    <ErrorNote>
      {t(code)}
      {open.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {open.map((k) => (
            <li key={k}>{t(`open.${k}`, { list: details![k]!.join(", ") })}</li>
          ))}
        </ul>
      ) : null}
    </ErrorNote>
  );
}

/** The translated text of a field's codes (zod messages of lib/privacy/schema.ts). */
export function useFieldErrorText() {
  const t = useTranslations("privacyFieldErrors");
  const codes = new Set(["REQUIRED", "TOO_LONG", "TERM_TOO_SHORT", "TERM_TOO_LONG", "WHOLE_NUMBER"]);
  return (errors?: string[]) => (errors?.length ? errors.map((c) => t(codes.has(c) ? c : "INVALID")).join(" ") : null);
}
