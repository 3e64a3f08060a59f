"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { COMPLAINT_REFUSAL_FIELDS } from "@/lib/complaints/rules";
import { badFields } from "@/lib/forms/error-code";
import { useTranslations } from "next-intl";
import { describedBy, FieldErrors as SharedFieldErrors, inputClass } from "@/components/ui/field-errors";

const KNOWN_REASONS = new Set([
  "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND", "TICKET_CLOSED", "UNKNOWN_CATEGORY",
  "ESCALATION_NOT_FOUND", "ALREADY_ESCALATED", "ALREADY_TIER_2", "TIER_1_NOT_DUE", "NO_OWNER",
  "LAST_MANAGER", "USER_NOT_FOUND", "EMAIL_IN_USE", "RATE_LIMITED", "INVITE_INVALID", "INVITE_USED", "INVITE_EXPIRED", "INVITE_REVOKED", "INVITE_OPEN",
  "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_CONTAINS_NAME", "PASSWORD_COMMON", "PASSWORD_REPETITIVE", "PASSWORD_CLASSES",
  "PASSWORD_FORBIDDEN_CHARACTER", "WRONG_CODE", "REPLAYED_CODE", "CODE_EXPIRED", "NOT_ENROLLING", "ALREADY_ENROLLED",
  "COMPLAINT_TICKET_NOT_FOUND", "COMPLAINT_NOT_FOUND", "OMBUDSMAN_NOT_AVAILABLE", "LAST_CONTACT_IN_FUTURE", "LAST_CONTACT_BEFORE_QUESTION", "COMPLAINT_ABOUT_COMPLAINT", "SLOT_FULL", "SLOT_IN_PAST", "BOOKING_CLOSED", "NOT_A_WORKING_DAY", "BEYOND_HORIZON", "INVALID_SLOT",
  "TOO_MANY_FILES", "FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED",
]);

/** The refusal above a form; refused fields read as the one summary every form shares. */
export function FormAlert({ reason, fieldErrors, idOf }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined>; idOf?: (field: string) => string }) {
  const t = useTranslations("werkgever.errors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={idOf} />;
  return (
    <ErrorNote>{t(KNOWN_REASONS.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>
  );
}

const FIELD_CODES = new Set(["TOO_SHORT", "TOO_LONG", "REQUIRED", "INVALID_EMAIL", "PASSWORD_MISMATCH", "SIX_DIGITS", "INVALID_NUMBER", "INVALID_DATE", "INVALID_PHONE", "CHOOSE_TOPIC", "CHOOSE_SLOT"]);

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("werkgever.errors");
  // A refusal about one field (a new complaint's number or date) reads there as it does above the form.
  const refusals = errors?.filter((code) => code in COMPLAINT_REFUSAL_FIELDS) ?? [];
  if (refusals.length > 0) return <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{refusals.map((code) => t(code)).join(" ")}</p>;
  return <SharedFieldErrors id={id} errors={errors} namespace="werkgever.fieldErrors" codes={FIELD_CODES} />;
}


interface FieldProps {
  name: string;
  label: string;
  /** Text, or a block such as the password rules; either way the field refers to it. */
  hint?: React.ReactNode;
  errors?: string[];
  required?: boolean;
}

export function TextField({ name, label, hint, errors, required, type = "text", autoComplete, defaultValue }: FieldProps & { type?: string; autoComplete?: string; defaultValue?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <div id={`${name}-hint`} className="text-sm text-slate-600">{hint}</div> : null}
      <input
        id={name}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        className={inputClass}
      />
      <FieldErrors id={name} errors={errors} />
    </div>
  );
}

/** `id` when one page holds several of the same form (the name stays the field's, so focus finds it). */
export function TextArea({ name, id = name, label, hint, errors, required, rows = 5 }: FieldProps & { id?: string; rows?: number }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-600">{hint}</p> : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** `placeholder`: an empty first choice, so a missing choice is refused with what to choose instead of a silent default. */
export function SelectField({ name, label, errors, options, placeholder }: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={name} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(name, undefined, errors)} className={inputClass} defaultValue={placeholder ? "" : undefined}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <FieldErrors id={name} errors={errors} />
    </div>
  );
}

