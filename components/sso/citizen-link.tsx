"use client";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { startCitizenLinkAction } from "@/lib/sso/actions";
import { CITIZEN_PROVIDER_ID } from "@/lib/sso/config";

/** On a citizen's or employer's account page: link DigiD / eHerkenning, so it opens this account next time. */
export function CitizenLink({ employer, linkedOn, returnPath }: { employer: boolean; linkedOn: string | null; returnPath: string }) {
  const t = useTranslations("sso.link");
  const outcome = useSearchParams().get("sso");
  const [error, setError] = useState<string | null>(outcome && outcome !== "LINKED" ? outcome : null);
  const [pending, setPending] = useState(false);
  const errorText = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.GENERIC"));
  async function start() {
    setPending(true);
    setError(null);
    const result = await startCitizenLinkAction().catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
    if (!result.ok) {
      setError(result.reason);
      setPending(false);
      return;
    }
    await signIn(CITIZEN_PROVIDER_ID, { callbackUrl: returnPath }).catch(() => setPending(false));
  }
  return (
    <section aria-labelledby="sso-link" className="mt-8 max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="sso-link" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-600">{employer ? t("introEmployer") : t("introBeneficiary")}</p>
      <p className="mt-3 text-sm">{linkedOn ? t("linked", { date: linkedOn }) : t("notLinked")}</p>
      {outcome === "LINKED" ? <p role="status" className="mt-2 text-sm text-emerald-800">{t("done")}</p> : null}
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{errorText(error)}</p> : null}
      <button type="button" disabled={pending} onClick={() => void start()} className="mt-3 rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {employer ? t("buttonEmployer") : t("buttonBeneficiary")}
      </button>
    </section>
  );
}
