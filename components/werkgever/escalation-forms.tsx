"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { escalateTier2Action, raiseEscalationAction } from "@/lib/escalations/actions";
import { FormAlert, TextArea, TextField } from "./form-fields";

/** Tier 1: about one ticket (number fixed or typed) or a general concern (number left empty). */
export function RaiseEscalationForm({ ticketNumber }: { ticketNumber?: string }) {
  const t = useTranslations("werkgever.escalation");
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => raiseEscalationAction({ ticketNumber: ticketNumber ?? form.get("ticketNumber") ?? "", reason: form.get("reason") }),
    (_data, form) => {
      form.reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("raiseTitle")}>
      <FormAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("raised")}</SuccessNote> : null}
      {ticketNumber ? null : <TextField name="ticketNumber" label={t("ticketNumber")} hint={t("ticketNumberHint")} errors={fieldErrors.ticketNumber} />}
      <TextArea name="reason" label={t("reason")} required errors={fieldErrors.reason} rows={3} />
      <SubmitButton pending={pending} label={t("raise")} pendingLabel={t("sending")} />
    </form>
  );
}

export function Tier2Form({ escalationId }: { escalationId: string }) {
  const t = useTranslations("werkgever.escalation");
  const router = useRouter();
  const fieldId = `tier2-${escalationId}`;
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => escalateTier2Action({ escalationId, reason: form.get(`${fieldId}-reason`), unsatisfied: form.get("unsatisfied") === "on" }),
    () => {
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded border border-slate-200 bg-slate-50 p-3" aria-label={t("tier2Title")}>
      <FormAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("movedUp")}</SuccessNote> : null}
      <TextArea name={`${fieldId}-reason`} label={t("tier2Reason")} required errors={fieldErrors.reason} rows={2} />
      <div className="flex items-center gap-2">
        <input id={`${fieldId}-unsatisfied`} name="unsatisfied" type="checkbox" className="h-4 w-4" />
        <label htmlFor={`${fieldId}-unsatisfied`} className="text-sm">{t("unsatisfied")}</label>
      </div>
      <SubmitButton pending={pending} label={t("tier2")} pendingLabel={t("sending")} />
    </form>
  );
}
