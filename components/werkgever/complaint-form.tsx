"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { fileComplaintAsEmployerAction } from "@/lib/complaints/actions";
import { FormAlert, TextArea, TextField } from "./form-fields";

export function EmployerComplaintForm({ defaultNumber }: { defaultNumber?: string }) {
  const t = useTranslations("werkgever.complaint");
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) =>
      fileComplaintAsEmployerAction({
        subjectTicketNumber: form.get("subjectTicketNumber"),
        lastContactDate: form.get("lastContactDate"),
        handlerName: form.get("handlerName") ?? "",
        description: form.get("description"),
      }),
    (data: { number: string }) => router.push(`/werkgever/vragen/${data.number}?nieuw=1`),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <TextField name="subjectTicketNumber" label={t("number")} hint={t("numberHint")} required defaultValue={defaultNumber} errors={fieldErrors.subjectTicketNumber} />
      <TextField name="lastContactDate" type="date" label={t("lastContact")} required errors={fieldErrors.lastContactDate} />
      <TextField name="handlerName" label={t("handler")} errors={fieldErrors.handlerName} />
      <TextArea name="description" label={t("description")} required errors={fieldErrors.description} rows={6} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
