"use client";
import { useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { useConfirmation } from "@/components/ui/page-confirmation";
import { requestOmbudsmanAsBeneficiaryAction } from "@/lib/complaints/actions";
import { buttonClass, describedBy, ErrorAlert, FieldError, inputClass, labelClass } from "./form-kit";

export function OmbudsmanForm({ complaintId }: { complaintId: string }) {
  const t = useTranslations("portaal.complaints");
  const router = useRouter();
  const format = useFormatter();
  const { confirm } = useConfirmation();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => requestOmbudsmanAsBeneficiaryAction({ complaintId, reason: form.get("reason") ?? "" }),
    (data: { dueAt: Date }) => {
      confirm("ombudsman", t("ombudsDone", { due: format.dateTime(new Date(data.dueAt), { dateStyle: "long", timeZone: "Europe/Amsterdam" }) }));
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="ombuds-title">
      <h2 id="ombuds-title" className="text-lg font-semibold">{t("ombudsTitle")}</h2>
      <p className="text-slate-700">{t("ombudsIntro")}</p>
      <ErrorAlert reason={reason} fieldErrors={fieldErrors} />
      <div>
        <label htmlFor="reason" className={labelClass}>{t("ombudsReason")}</label>
        <textarea id="reason" name="reason" rows={4} className={inputClass} {...describedBy("reason", fieldErrors.reason)} />
        <FieldError id="reason" errors={fieldErrors.reason} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{t("ombudsSubmit")}</button>
    </form>
  );
}
