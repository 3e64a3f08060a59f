"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { requestPasswordResetAction } from "@/lib/account/actions";
import { AccountAlert, Field } from "./form-parts";

/** The answer is the same for every well-formed address: nobody learns whether an account exists. */
export function ForgotPasswordForm() {
  const t = useTranslations("passwordReset");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => requestPasswordResetAction({ email: form.get("email") }),
    (_data, form) => {
      setSentTo(String(new FormData(form).get("email") ?? "").trim());
      form.reset();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {succeeded && sentTo ? <SuccessNote>{t("requested", { email: sentTo })}</SuccessNote> : null}
      <AccountAlert reason={reason} fieldErrors={fieldErrors} />
      <Field name="email" type="email" label={t("email")} autoComplete="username" errors={fieldErrors.email} />
      <SubmitButton pending={pending} label={t("requestSubmit")} pendingLabel={t("requestSubmitting")} />
    </form>
  );
}
