"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { useLocale, useTranslations } from "next-intl";
import { COMPLAINT_REFUSAL_FIELDS } from "@/lib/complaints/rules";
import { badFields, formatLimit, parseErrorCode } from "@/lib/forms/error-code";

const KNOWN_REASONS = new Set([
  "INVALID_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "TICKET_CLOSED", "UNKNOWN_CATEGORY", "TOO_MANY_FILES",
  "FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED", "SLOT_FULL", "SLOT_IN_PAST", "BOOKING_CLOSED", "NOT_A_WORKING_DAY",
  "BEYOND_HORIZON", "INVALID_SLOT", "ALREADY_BOOKED", "CHANGE_CLOSED", "APPOINTMENT_NOT_BOOKED", "SAME_SLOT",
  "TEAM_NOT_FOUND", "COMPLAINT_TICKET_NOT_FOUND", "LAST_CONTACT_IN_FUTURE", "LAST_CONTACT_BEFORE_QUESTION", "COMPLAINT_ABOUT_COMPLAINT", "COMPLAINT_NOT_FOUND",
  "OMBUDSMAN_NOT_AVAILABLE", "NOT_RESOLVED", "ALREADY_ANSWERED",
]);
const FIELD_CODES = new Set(["REQUIRED", "TOO_SHORT", "TOO_LONG", "INVALID_NUMBER", "INVALID_DATE", "INVALID_PHONE", "QUESTION_REQUIRED", "INVALID_SCORE", "CHOOSE_SLOT", "CHOOSE_TOPIC"]);
const FILE_CODES = new Set(["TOO_MANY_FILES", "FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED"]);

/** The refusal above a form; refused fields read as the one summary every form shares. */
export function ErrorAlert({ reason, fieldErrors }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined> }) {
  const t = useTranslations("portaal.errors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} />;
  return (
    <ErrorNote>{t(KNOWN_REASONS.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>
  );
}

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const t = useTranslations("portaal.fieldErrors");
  const te = useTranslations("portaal.errors");
  const locale = useLocale();
  if (!errors?.length) return null;
  // "TOO_LONG:10000" names the limit in the page's number format; a bare TOO_LONG reads as before.
  const message = (raw: string) => {
    const { code, limit } = parseErrorCode(raw);
    if (FILE_CODES.has(code) || code in COMPLAINT_REFUSAL_FIELDS) return te(code);
    if (code === "TOO_LONG" && limit !== undefined) return t("TOO_LONG_LIMIT", { limit: formatLimit(limit, locale) });
    if (code === "TOO_SHORT" && limit !== undefined) return t("TOO_SHORT_LIMIT", { limit: formatLimit(limit, locale) });
    return t(FIELD_CODES.has(code) ? code : "INVALID");
  };
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
      {errors.map(message).join(" ")}
    </p>
  );
}

export const inputClass = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-slate-900";
export const labelClass = "block text-sm font-medium text-slate-800";
export const buttonClass =
  "rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700";

/** aria attributes tying a field to its hint and error. */
export function describedBy(name: string, errors: string[] | undefined, hint?: boolean) {
  const ids = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** A labelled textarea with a hint and its field error, wired for screen readers. */
export function TextAreaField({ name, label, hint, rows, errors }: { name: string; label: string; hint?: string; rows: number; errors: string[] | undefined }) {
  return (
    <div>
      <label htmlFor={name} className={labelClass}>{label}</label>
      {hint ? <p id={`${name}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <textarea id={name} name={name} rows={rows} required className={inputClass} {...describedBy(name, errors, Boolean(hint))} />
      <FieldError id={name} errors={errors} />
    </div>
  );
}

/** The attachment picker of portal messages: PDF, JPEG and PNG (checked again by content on the server). */
export function FilesField({ errors }: { errors: string[] | undefined }) {
  const t = useTranslations("portaal.newMessage");
  return (
    <div>
      <label htmlFor="files" className={labelClass}>{t("files")}</label>
      <p id="files-hint" className="text-sm text-slate-600">{t("filesHint")}</p>
      <input id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" className="mt-1 block text-sm" {...describedBy("files", errors, true)} />
      <FieldError id="files" errors={errors} />
    </div>
  );
}
