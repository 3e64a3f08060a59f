"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { afterLoginUrl } from "@/lib/auth/rules";
import { RecoveryCodeList, StartEnrolmentButton, TotpScan } from "./enrolment-parts";
import { StaffAlert } from "@/components/staff/staff-alert";
import { TextField } from "@/components/werkgever/form-fields";
import { finishPendingEnrolmentAction, rememberDeviceAction, startPendingEnrolmentAction } from "@/lib/auth/actions";

/**
 * A staff member's first login: QR code, a first code, the recovery codes once, and only then on
 * to the workspace (the pending login becomes a session with the proof the confirmation returned).
 */
export function StaffEnrolment({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("staffEnrol");
  const [started, setStarted] = useState<{ secret: string; qr: string } | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [done, setDone] = useState<{ recoveryCodes: string[]; proof: string } | null>(null);
  const [continueError, setContinueError] = useState<string | null>(null);
  const [continuing, setContinuing] = useState(false);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => finishPendingEnrolmentAction({ code: form.get("code") }),
    (data: { recoveryCodes: string[]; proof: string }) => setDone(data),
  );

  async function onContinue(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!done) return;
    const remember = new FormData(event.currentTarget).get("remember") === "on";
    setContinuing(true);
    setContinueError(null);
    const result = await signIn("totp-enrolled", { proof: done.proof, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      if (remember) await rememberDeviceAction().catch(() => null);
      window.location.assign(afterLoginUrl(callbackUrl));
      return;
    }
    setContinueError(result?.error ?? "UNEXPECTED");
    setContinuing(false);
  }

  if (done) {
    return (
      <form onSubmit={onContinue} className="mt-6 space-y-4">
        <SuccessNote>{t("enabled")}</SuccessNote>
        <RecoveryCodeList intro={t("recoveryIntro")} codes={done.recoveryCodes} />
        <StaffAlert reason={continueError} />
        <div className="flex items-center gap-2">
          <input id="remember" name="remember" type="checkbox" className="h-4 w-4" />
          <label htmlFor="remember" className="text-sm">{t("remember")}</label>
        </div>
        <SubmitButton pending={continuing} label={t("continue")} pendingLabel={t("continuing")} />
      </form>
    );
  }
  if (!started) {
    return (
      <div className="mt-6 space-y-3">
        <StaffAlert reason={startError} />
        <StartEnrolmentButton
          label={t("start")}
          onStart={async () => {
            const result = await startPendingEnrolmentAction().catch(() => null);
            if (result?.ok) setStarted(result.data);
            else setStartError(result?.reason ?? "UNEXPECTED");
          }}
        />
      </div>
    );
  }
  return (
    <div className="mt-6 space-y-4">
      <TotpScan qr={started.qr} secret={started.secret} text={{ scan: t("scan"), qrAlt: t("qrAlt"), manual: t("manual") }} />
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <StaffAlert reason={reason} fieldErrors={fieldErrors} />
        <TextField name="code" label={t("code")} hint={t("codeHint")} required autoComplete="one-time-code" errors={fieldErrors.code} />
        <SubmitButton pending={pending} label={t("confirm")} pendingLabel={t("confirming")} />
      </form>
    </div>
  );
}
