"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import { changePasswordAction } from "@/lib/account/actions";
import { AccountAlert, Field, PolicyRules } from "./form-parts";

/**
 * Current, new and repeated password. A change ends every session, this one included, so on
 * success the cookie is cleared here and the person is sent to a page that says so.
 */
export function ChangePasswordForm({ policy, email }: { policy: PasswordPolicy; email: string }) {
  const t = useTranslations("passwordChange");
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => changePasswordAction({ current: form.get("current"), password: form.get("password"), confirm: form.get("confirm") }),
    async () => {
      await signOut({ redirect: false }).catch(() => undefined);
      router.replace("/wachtwoord-gewijzigd");
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="space-y-4">
      <AccountAlert reason={reason} fieldErrors={fieldErrors} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field name="current" type="password" label={t("current")} autoComplete="current-password" errors={fieldErrors.current} />
      <Field name="password" type="password" label={t("password")} autoComplete="new-password" errors={fieldErrors.password} describedBy="password-policy" />
      <PolicyRules id="password-policy" policy={policy} />
      <Field name="confirm" type="password" label={t("confirm")} autoComplete="new-password" errors={fieldErrors.confirm} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
        <a href="/wachtwoord-vergeten" className="text-sm">{t("forgot")}</a>
      </div>
    </form>
  );
}
