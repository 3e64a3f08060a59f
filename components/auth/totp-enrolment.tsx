"use client";
import { ErrorNote, SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RecoveryCodeList, StartEnrolmentButton, TotpScan } from "./enrolment-parts";
import { finishTotpEnrolmentAction, startTotpEnrolmentAction } from "@/lib/auth/actions";
import { FormAlert, TextField } from "@/components/werkgever/form-fields";

// Refusals of the password asked again at confirmation, in the account texts.
const PASSWORD_REFUSALS = new Set(["WRONG_PASSWORD", "LOCKED"]);

/** The refusal above the confirmation: the password ones in the account texts, the rest as the place's. */
function ConfirmAlert({ reason, fieldErrors }: { reason: string | null; fieldErrors: Record<string, string[]> }) {
  const t = useTranslations("accountErrors");
  if (reason && PASSWORD_REFUSALS.has(reason)) return <ErrorNote>{t(reason)}</ErrorNote>;
  return <FormAlert reason={reason} fieldErrors={fieldErrors} />;
}

/**
 * Enrolment: a QR code (and the secret typed out), then a first code with the password (asked
 * again, so an unattended session cannot switch authenticators), then the recovery codes once.
 */
export function TotpEnrolment() {
  const t = useTranslations("werkgeverAuth.enrol");
  const tp = useTranslations("reauth");
  const [started, setStarted] = useState<{ secret: string; qr: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => finishTotpEnrolmentAction({ code: form.get("code"), password: form.get("password") }),
    (data: { recoveryCodes: string[] }) => setCodes(data.recoveryCodes),
  );

  if (codes) {
    return (
      <div className="space-y-3">
        <SuccessNote>{t("enabled")}</SuccessNote>
        <RecoveryCodeList intro={t("recoveryIntro")} codes={codes} />
      </div>
    );
  }
  if (!started) {
    return (
      <div className="space-y-3">
        <FormAlert reason={startError} />
        <StartEnrolmentButton
          label={t("start")}
          onStart={async () => {
            const result = await startTotpEnrolmentAction().catch(() => null);
            if (result?.ok) setStarted(result.data);
            else setStartError(result?.reason ?? "UNEXPECTED");
          }}
        />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <TotpScan qr={started.qr} secret={started.secret} text={{ scan: t("scan"), qrAlt: t("qrAlt"), manual: t("manual") }} />
      <form onSubmit={onSubmit} noValidate className="max-w-xs space-y-3">
        <ConfirmAlert reason={reason} fieldErrors={fieldErrors} />
        <TextField name="code" label={t("code")} required autoComplete="one-time-code" errors={fieldErrors.code} />
        <TextField name="password" type="password" label={tp("password")} hint={tp("hint")} required autoComplete="current-password" errors={fieldErrors.password} />
        <SubmitButton pending={pending} label={t("confirm")} pendingLabel={t("confirming")} />
      </form>
    </div>
  );
}
