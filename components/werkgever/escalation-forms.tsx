"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { useConfirmation } from "@/components/ui/page-confirmation";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { escalateTier2Action, raiseEscalationAction } from "@/lib/escalations/actions";
import { FormAlert, TextArea, TextField } from "./form-fields";

/**
 * Tier 1: about one ticket (number fixed or typed) or a general concern (number left empty). Its
 * confirmation shows in the page's "raise" ConfirmationSlot: on a question's page the form goes
 * away once an escalation runs.
 */
export function RaiseEscalationForm({ ticketNumber }: { ticketNumber?: string }) {
  const t = useTranslations("werkgever.escalation");
  const router = useRouter();
  const format = useFormatter();
  const { confirm, clear } = useConfirmation();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => {
      clear();
      return raiseEscalationAction({ ticketNumber: ticketNumber ?? form.get("ticketNumber") ?? "", reason: form.get("reason") });
    },
    (data, form) => {
      form.reset();
      confirm("raise", t(data.csmInCopy ? "raised" : "raisedNoCsm", { due: format.dateTime(new Date(data.dueAt), { dateStyle: "medium", timeStyle: "short" }) }));
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t("raiseTitle")}>
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      {ticketNumber ? null : <TextField name="ticketNumber" label={t("ticketNumber")} hint={t("ticketNumberHint")} errors={fieldErrors.ticketNumber} />}
      <TextArea name="reason" label={t("reason")} required errors={fieldErrors.reason} rows={3} />
      <SubmitButton pending={pending} label={t("raise")} pendingLabel={t("sending")} />
    </form>
  );
}

export function Tier2Form({ escalationId }: { escalationId: string }) {
  const t = useTranslations("werkgever.escalation");
  const router = useRouter();
  const format = useFormatter();
  const { confirm, clear } = useConfirmation();
  const fieldId = `tier2-${escalationId}`;
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => {
      clear();
      return escalateTier2Action({ escalationId, reason: form.get("reason"), unsatisfied: form.get("unsatisfied") === "on" });
    },
    // The form goes away with the move (tier 1 is now "moved up"): the confirmation shows in the
    // escalation's own slot (EscalationList), which stays.
    (data) => {
      confirm(escalationId, t(data.csmInCopy ? "movedUp" : "movedUpNoCsm", { due: format.dateTime(new Date(data.dueAt), { dateStyle: "medium", timeStyle: "short" }) }));
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded border border-slate-200 bg-slate-50 p-3" aria-label={t("tier2Title")}>
      <FormAlert reason={reason} fieldErrors={fieldErrors} idOf={(field) => `${fieldId}-${field}`} />
      <TextArea name="reason" id={`${fieldId}-reason`} label={t("tier2Reason")} required errors={fieldErrors.reason} rows={2} />
      <div className="flex items-center gap-2">
        <input id={`${fieldId}-unsatisfied`} name="unsatisfied" type="checkbox" className="h-4 w-4" />
        <label htmlFor={`${fieldId}-unsatisfied`} className="text-sm">{t("unsatisfied")}</label>
      </div>
      <SubmitButton pending={pending} label={t("tier2")} pendingLabel={t("sending")} />
    </form>
  );
}
