"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { useState } from "react";
import { fileComplaintAsBeneficiaryAction } from "@/lib/complaints/actions";
import { buttonClass, describedBy, ErrorAlert, FieldError, inputClass, labelClass } from "./form-kit";

export function ComplaintForm({ defaultNumber, today }: { defaultNumber: string; today: string }) {
  const t = useTranslations("portaal.complaints");
  const format = useFormatter();
  const router = useRouter();
  const [filed, setFiled] = useState<{ number: string; dueAt: Date } | null>(null);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) =>
      fileComplaintAsBeneficiaryAction({
        subjectTicketNumber: form.get("subjectTicketNumber") ?? "",
        lastContactDate: form.get("lastContactDate") ?? "",
        handlerName: form.get("handlerName") ?? "",
        description: form.get("description") ?? "",
      }),
    (data, form) => {
      form.reset();
      setFiled({ number: data.number, dueAt: new Date(data.dueAt) });
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="complaint-form-title">
      <h2 id="complaint-form-title" className="text-lg font-semibold">{t("form")}</h2>
      <ErrorAlert reason={reason} fieldErrors={fieldErrors} />
      {filed ? (
        <SuccessNote>
          {t("filed", { number: filed.number, due: format.dateTime(filed.dueAt, { dateStyle: "long", timeZone: "Europe/Amsterdam" }) })}
        </SuccessNote>
      ) : null}
      <div>
        <label htmlFor="subjectTicketNumber" className={labelClass}>{t("number")}</label>
        <p id="subjectTicketNumber-hint" className="text-sm text-slate-600">{t("numberHint")}</p>
        <input id="subjectTicketNumber" name="subjectTicketNumber" defaultValue={defaultNumber} className={inputClass} {...describedBy("subjectTicketNumber", fieldErrors.subjectTicketNumber, true)} />
        <FieldError id="subjectTicketNumber" errors={fieldErrors.subjectTicketNumber} />
      </div>
      <div>
        <label htmlFor="lastContactDate" className={labelClass}>{t("lastContact")}</label>
        <input id="lastContactDate" name="lastContactDate" type="date" max={today} className={inputClass} {...describedBy("lastContactDate", fieldErrors.lastContactDate)} />
        <FieldError id="lastContactDate" errors={fieldErrors.lastContactDate} />
      </div>
      <div>
        <label htmlFor="handlerName" className={labelClass}>{t("handler")}</label>
        <input id="handlerName" name="handlerName" className={inputClass} {...describedBy("handlerName", fieldErrors.handlerName)} />
        <FieldError id="handlerName" errors={fieldErrors.handlerName} />
      </div>
      <div>
        <label htmlFor="description" className={labelClass}>{t("description")}</label>
        <textarea id="description" name="description" rows={6} className={inputClass} {...describedBy("description", fieldErrors.description)} />
        <FieldError id="description" errors={fieldErrors.description} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("submitting") : t("submit")}</button>
    </form>
  );
}
