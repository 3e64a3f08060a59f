"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAgentAction } from "@/components/agent/use-action-errors";
import { updateSsoSettingsAction } from "@/lib/sso/actions";

/** Admin form: whether the IdP's MFA counts as the second step, and whether staff may use a password. */
export function SsoSettingsForm({ initial }: { initial: { idpMfaCounts: boolean; staffPasswordOff: boolean } }) {
  const t = useTranslations("sso.admin");
  const router = useRouter();
  const { error, pending, run } = useAgentAction("sso.admin");
  const [idpMfaCounts, setIdpMfaCounts] = useState(initial.idpMfaCounts);
  const [staffPasswordOff, setStaffPasswordOff] = useState(initial.staffPasswordOff);
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        run(() => updateSsoSettingsAction({ idpMfaCounts, staffPasswordOff }), () => {
          setSaved(true);
          router.refresh();
        });
      }}
      className="space-y-4"
    >
      <div className="flex items-start gap-2">
        <input id="sso-idp-mfa" type="checkbox" checked={idpMfaCounts} onChange={(e) => setIdpMfaCounts(e.target.checked)} aria-describedby="sso-idp-mfa-hint" className="mt-1" />
        <div>
          <label htmlFor="sso-idp-mfa" className="text-sm font-medium">{t("idpMfaCounts")}</label>
          <p id="sso-idp-mfa-hint" className="text-xs text-slate-600">{t("idpMfaCountsHint")}</p>
        </div>
      </div>
      <div className="flex items-start gap-2">
        <input id="sso-password-off" type="checkbox" checked={staffPasswordOff} onChange={(e) => setStaffPasswordOff(e.target.checked)} aria-describedby="sso-password-off-hint" className="mt-1" />
        <div>
          <label htmlFor="sso-password-off" className="text-sm font-medium">{t("staffPasswordOff")}</label>
          <p id="sso-password-off-hint" className="text-xs text-slate-600">{t("staffPasswordOffHint")}</p>
        </div>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("save")}</button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {saved ? <p role="status" className="text-sm text-emerald-800">{t("saved")}</p> : null}
    </form>
  );
}
