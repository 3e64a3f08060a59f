"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { submitUrgentRequestAction } from "@/lib/urgent/actions";
import { FormAlert, TextArea, TextField } from "./form-fields";

export function UrgentForm() {
  const t = useTranslations("werkgever.urgent");
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) =>
      submitUrgentRequestAction({
        subject: form.get("subject"),
        reason: form.get("reason"),
        forWhom: form.get("forWhom"),
        details: form.get("details") ?? "",
      }),
    (data: { number: string; preAnnounced: boolean }) =>
      router.push(`/werkgever/vragen/${data.number}?spoed=${data.preAnnounced ? "gekoppeld" : "nieuw"}`),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <TextField name="subject" label={t("subject")} required errors={fieldErrors.subject} />
      <TextArea name="reason" label={t("reason")} hint={t("reasonHint")} required errors={fieldErrors.reason} rows={3} />
      <TextField name="forWhom" label={t("forWhom")} hint={t("forWhomHint")} required errors={fieldErrors.forWhom} />
      <TextArea name="details" label={t("details")} errors={fieldErrors.details} rows={4} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
