"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { finishTotpEnrolmentAction, startTotpEnrolmentAction } from "@/lib/auth/actions";
import { FormAlert, FormSuccess, SubmitButton, TextField, useActionForm } from "@/components/werkgever/form-fields";

/** Enrolment: a QR code (and the secret typed out), then a first code, then the recovery codes once. */
export function TotpEnrolment() {
  const t = useTranslations("werkgeverAuth.enrol");
  const [started, setStarted] = useState<{ secret: string; qr: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { pending, reason, fieldErrors, onSubmit } = useActionForm(
    (form) => finishTotpEnrolmentAction({ code: form.get("code") }),
    (data: { recoveryCodes: string[] }) => setCodes(data.recoveryCodes),
  );

  if (codes) {
    return (
      <div className="space-y-3">
        <FormSuccess>{t("enabled")}</FormSuccess>
        <p className="text-sm">{t("recoveryIntro")}</p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 rounded border border-slate-300 bg-white p-3 font-mono text-sm">
          {codes.map((c) => <li key={c}>{c}</li>)}
        </ul>
      </div>
    );
  }
  if (!started) {
    return (
      <div className="space-y-3">
        <FormAlert reason={startError} />
        <button
          type="button"
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          onClick={async () => {
            const result = await startTotpEnrolmentAction().catch(() => null);
            if (result?.ok) setStarted(result.data);
            else setStartError(result?.reason ?? "UNEXPECTED");
          }}
        >
          {t("start")}
        </button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server */}
      <img src={started.qr} alt={t("qrAlt")} width={220} height={220} className="rounded border border-slate-200" />
      <p className="text-sm">
        {t("manual")} <code data-testid="totp-secret" className="rounded bg-slate-100 px-1 font-mono">{started.secret}</code>
      </p>
      <form onSubmit={onSubmit} noValidate className="max-w-xs space-y-3">
        <FormAlert reason={reason} />
        <TextField name="code" label={t("code")} required autoComplete="one-time-code" errors={fieldErrors.code} />
        <SubmitButton pending={pending} label={t("confirm")} pendingLabel={t("confirming")} />
      </form>
    </div>
  );
}
