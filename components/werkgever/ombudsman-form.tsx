"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { useState } from "react";
import { requestOmbudsmanAsEmployerAction } from "@/lib/complaints/actions";
import { FormAlert, TextArea } from "./form-fields";

/** The employer asks the internal ombudsman to review a complaint, as the beneficiary portal offers. */
export function EmployerOmbudsmanForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("werkgever.complaint");
  const format = useFormatter();
  const router = useRouter();
  const [due, setDue] = useState<Date | null>(null);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => requestOmbudsmanAsEmployerAction({ complaintId, reason: form.get("reason") ?? "" }),
    (data: { dueAt: Date }) => {
      setDue(new Date(data.dueAt));
      router.refresh();
    },
  );
  if (due) return <SuccessNote>{t("ombudsDone", { due: format.dateTime(due, { dateStyle: "long", timeZone: "Europe/Amsterdam" }) })}</SuccessNote>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="ombuds-title">
      <h3 id="ombuds-title" className="font-semibold">{t("ombudsTitle")}</h3>
      <p className="text-sm text-slate-700">{t("ombudsIntro")}</p>
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <TextArea name="reason" label={t("ombudsReason")} required errors={fieldErrors.reason} rows={4} />
      <SubmitButton pending={pending} label={t("ombudsSubmit")} pendingLabel={t("submitting")} />
    </form>
  );
}
