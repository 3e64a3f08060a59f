"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { acceptInviteAction } from "@/lib/organisations/actions";
import { PolicyRules } from "@/components/account/form-parts";
import { FormAlert, TextField } from "@/components/werkgever/form-fields";
import type { PasswordPolicy } from "@/lib/auth/password-policy";

/** `doneNote`: what comes next for this kind of account (staff enrol two-factor at first login). */
export function AcceptInviteForm({ token, email, policy, doneNote }: { token: string; email: string; policy: PasswordPolicy; doneNote?: string }) {
  const t = useTranslations("werkgeverAuth.invite");
  const [done, setDone] = useState(false);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => acceptInviteAction({ token, password: form.get("password"), confirm: form.get("confirm") }),
    () => setDone(true),
  );
  if (done) {
    return (
      <SuccessNote>
        {t("done")} {doneNote ? `${doneNote} ` : null}<a href="/login">{t("toLogin")}</a>
      </SuccessNote>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <TextField name="password" type="password" label={t("password")} hint={<PolicyRules id="password-policy" policy={policy} />} required autoComplete="new-password" errors={fieldErrors.password} />
      <TextField name="confirm" type="password" label={t("confirm")} required autoComplete="new-password" errors={fieldErrors.confirm} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
