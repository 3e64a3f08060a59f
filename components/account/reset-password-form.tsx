"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import { resetPasswordAction } from "@/lib/account/actions";
import { AccountAlert, Field, PolicyRules } from "./form-parts";

const LINK_REFUSALS = new Set(["RESET_INVALID", "RESET_USED", "RESET_EXPIRED"]);

export function ResetPasswordForm({ token, email, policy }: { token: string; email: string; policy: PasswordPolicy }) {
  const t = useTranslations("passwordReset");
  const [done, setDone] = useState(false);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => resetPasswordAction({ token, password: form.get("password"), confirm: form.get("confirm") }),
    () => setDone(true),
  );
  if (done) {
    return (
      <div className="mt-6 space-y-3">
        <SuccessNote>{t("resetDone")}</SuccessNote>
        <a href="/login" className="inline-block font-medium">{t("toLogin")}</a>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <AccountAlert reason={reason} fieldErrors={fieldErrors} />
      {reason && LINK_REFUSALS.has(reason) ? <a href="/wachtwoord-vergeten" className="inline-block text-sm font-medium">{t("requestNew")}</a> : null}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field name="password" type="password" label={t("password")} autoComplete="new-password" errors={fieldErrors.password} describedBy="password-policy" />
      <PolicyRules id="password-policy" policy={policy} />
      <Field name="confirm" type="password" label={t("confirm")} autoComplete="new-password" errors={fieldErrors.confirm} />
      <SubmitButton pending={pending} label={t("resetSubmit")} pendingLabel={t("resetSubmitting")} />
    </form>
  );
}
