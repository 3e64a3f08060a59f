"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { afterLoginUrl } from "@/lib/auth/rules";
import { CITIZEN_PROVIDER_ID, STAFF_PROVIDER_ID } from "@/lib/sso/config";

/** The single sign-on buttons under the password form, for the identity providers that are configured. */
export function SsoButtons({ staff, citizen, callbackUrl }: { staff: boolean; citizen: boolean; callbackUrl: string | null }) {
  const t = useTranslations("sso.login");
  const [pending, setPending] = useState(false);
  if (!staff && !citizen) return null;
  const go = (provider: string) => {
    setPending(true);
    // After the provider, the login page sends the person on (or to the code step a staff login still needs).
    void signIn(provider, { callbackUrl: afterLoginUrl(callbackUrl) }).catch(() => setPending(false));
  };
  const button = "w-full rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60";
  return (
    // The group's name ("of log in met") gives the short button labels their context.
    <div role="group" aria-labelledby="sso-or" className="mt-6 space-y-3">
      <p className="flex items-center gap-3 text-sm text-slate-600">
        <span className="h-px flex-1 bg-slate-300" aria-hidden="true" />
        <span id="sso-or">{t("or")}</span>
        <span className="h-px flex-1 bg-slate-300" aria-hidden="true" />
      </p>
      {staff ? (
        <button type="button" disabled={pending} onClick={() => go(STAFF_PROVIDER_ID)} className={button}>
          {t("staff")}
        </button>
      ) : null}
      {citizen ? (
        <>
          <button type="button" disabled={pending} onClick={() => go(CITIZEN_PROVIDER_ID)} className={button}>
            {t("citizen")}
          </button>
          <p className="text-xs text-slate-600">{t("citizenHint")}</p>
        </>
      ) : null}
    </div>
  );
}
