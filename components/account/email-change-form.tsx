"use client";
import { ErrorNote, SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields, formatLimit, parseErrorCode } from "@/lib/forms/error-code";
import { confirmEmailChangeAction, requestEmailChangeAction } from "@/lib/account/email-change-actions";

const ERRORS = new Set(["INVALID_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "WRONG_PASSWORD", "LOCKED", "SAME_EMAIL", "EMAIL_IN_USE", "EMAIL_CHANGE_INVALID", "EMAIL_CHANGE_USED", "EMAIL_CHANGE_EXPIRED"]);
const FIELD_ERRORS = new Set(["REQUIRED", "TOO_LONG", "INVALID_EMAIL"]);

// The inputs' ids (this form shares a page with the password change), for the summary's link.
const FIELD_IDS: Record<string, string> = { email: "new-email", current: "email-current" };

/** The refusal above a form; refused fields read as the one summary every form shares. */
function EmailAlert({ reason, fieldErrors }: { reason: string | null; fieldErrors?: Record<string, string[] | undefined> }) {
  const t = useTranslations("peopleEmail.errors");
  if (!reason) return null;
  if (reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0) return <FieldErrorSummary fieldErrors={fieldErrors} idOf={(field) => FIELD_IDS[field] ?? field} />;
  return <ErrorNote>{t(ERRORS.has(reason) ? reason : "UNEXPECTED")}</ErrorNote>;
}

function Input({ id, name, type, label, autoComplete, errors }: { id: string; name: string; type: string; label: string; autoComplete: string; errors?: string[] }) {
  const t = useTranslations("peopleEmail.fieldErrors");
  const locale = useLocale();
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        required
        autoComplete={autoComplete}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
      />
      {invalid ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{errors!
            .map((raw) => {
              const { code, limit } = parseErrorCode(raw);
              return t(FIELD_ERRORS.has(code) ? code : "INVALID", { limit: limit === undefined ? "" : formatLimit(limit, locale) });
            })
            .join(" ")}</p> : null}
    </div>
  );
}

/** New address and current password; the change takes effect when the link mailed to the new address is used. */
export function EmailChangeForm({ email }: { email: string }) {
  const t = useTranslations("peopleEmail");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => requestEmailChangeAction({ email: form.get("email"), current: form.get("current") }),
    (data: { email: string }, form) => {
      setSentTo(data.email);
      form.reset();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="email-change-heading" className="space-y-4">
      <h2 id="email-change-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("intro", { email })}</p>
      <EmailAlert reason={reason} fieldErrors={fieldErrors} />
      {succeeded && sentTo ? <SuccessNote>{t("sent", { email: sentTo })}</SuccessNote> : null}
      <Input id="new-email" name="email" type="email" label={t("newEmail")} autoComplete="email" errors={fieldErrors.email} />
      <Input id="email-current" name="current" type="password" label={t("current")} autoComplete="current-password" errors={fieldErrors.current} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}

/** The public confirmation: a button, so a mail scanner that opens the link changes nothing. */
export function ConfirmEmailChange({ token }: { token: string }) {
  const t = useTranslations("peopleEmail");
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const { pending, reason, onSubmit } = useFormAction(
    () => confirmEmailChangeAction({ token }),
    (data: { email: string }) => setConfirmed(data.email),
  );
  if (confirmed) {
    return (
      <SuccessNote>
        {t("confirmed", { email: confirmed })} <a href="/login">{t("toLogin")}</a>
      </SuccessNote>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4">
      <EmailAlert reason={reason} />
      <SubmitButton pending={pending} label={t("confirm")} pendingLabel={t("submitting")} />
    </form>
  );
}
