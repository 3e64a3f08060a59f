"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields, formatLimit, parseErrorCode } from "@/lib/forms/error-code";
import { useLocale, useTranslations } from "next-intl";

// Every refusal code of the privacy pages; anything else reads "unexpected".
const KNOWN = new Set([
  "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "UNEXPECTED",
  "NOT_FOUND", "ALREADY_HELD", "ALREADY_RELEASED",
  "USER_NOT_FOUND", "STAFF_ACCOUNT", "ALREADY_ERASED", "LEGAL_HOLD", "OPEN_TICKETS",
]);

/**
 * The refusal above a form. Refused fields read as the one summary every form shares (`idOf`: the
 * forms prefix their ids); OPEN_TICKETS lists what stands in the way instead.
 */
export function PrivacyAlert({ reason, details, idOf }: { reason: string | null; details?: Record<string, string[]>; idOf?: (field: string) => string }) {
  const t = useTranslations("privacyErrors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(details).length > 0) return <FieldErrorSummary fieldErrors={details} idOf={idOf} />;
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
  const locale = useLocale();
  const codes = new Set(["REQUIRED", "TOO_SHORT", "TOO_LONG", "CHOOSE_KIND", "CONFIRM_ERASE", "TERM_TOO_SHORT", "TERM_TOO_LONG", "WHOLE_NUMBER"]);
  // "TOO_LONG:500": the schema's limit, in the page's number format.
  const text = (raw: string) => {
    const { code, limit } = parseErrorCode(raw);
    return t(codes.has(code) ? code : "INVALID", { limit: limit === undefined ? "" : formatLimit(limit, locale) });
  };
  // One sentence per problem: a term of 0 breaks both the field's minimum and its class's, in the same words.
  return (errors?: string[]) => (errors?.length ? [...new Set(errors.map(text))].join(" ") : null);
}
