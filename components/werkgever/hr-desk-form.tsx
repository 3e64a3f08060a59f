"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { requestHrDeskAction } from "@/lib/employer/actions";
import { FormAlert, SelectField, TextArea, TextField } from "./form-fields";

export function HrDeskForm({ slots }: { slots: { key: string; label: string }[] }) {
  const t = useTranslations("werkgever.hrDesk");
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => requestHrDeskAction({ subject: form.get("subject"), body: form.get("body"), phone: form.get("phone"), slot: form.get("slot") }),
    (data: { number: string }) => router.push(`/werkgever/vragen/${data.number}?nieuw=1`),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <TextField name="subject" label={t("subject")} required errors={fieldErrors.subject} />
      <TextArea name="body" label={t("body")} required errors={fieldErrors.body} rows={5} />
      <TextField name="phone" type="tel" label={t("phone")} required autoComplete="tel" errors={fieldErrors.phone} />
      <SelectField name="slot" label={t("slot")} errors={fieldErrors.slot} placeholder={t("slotPlaceholder")} options={slots.map((s) => ({ value: s.key, label: s.label }))} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
