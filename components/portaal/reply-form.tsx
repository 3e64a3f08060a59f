"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { replyAsBeneficiaryAction } from "@/lib/portal/actions";
import { buttonClass, describedBy, ErrorAlert, FieldError, inputClass, labelClass, SuccessNote, usePortalForm } from "./form-kit";

export function ReplyForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("portaal.ticket");
  const tn = useTranslations("portaal.newMessage");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { pending, reason, fieldErrors, onSubmit } = usePortalForm(replyAsBeneficiaryAction, (_data, form) => {
    form.reset();
    setDone(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <ErrorAlert reason={reason} />
      {done ? <SuccessNote>{t("replySent")}</SuccessNote> : null}
      <input type="hidden" name="ticketId" value={ticketId} />
      <div>
        <label htmlFor="body" className={labelClass}>{t("reply")}</label>
        <p id="body-hint" className="text-sm text-slate-600">{t("replyHint")}</p>
        <textarea id="body" name="body" rows={5} required className={inputClass} {...describedBy("body", fieldErrors.body, true)} />
        <FieldError id="body" errors={fieldErrors.body} />
      </div>
      <div>
        <label htmlFor="files" className={labelClass}>{tn("files")}</label>
        <p id="files-hint" className="text-sm text-slate-600">{tn("filesHint")}</p>
        <input id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" className="mt-1 block text-sm" {...describedBy("files", fieldErrors.files, true)} />
        <FieldError id="files" errors={fieldErrors.files} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("sending") : t("sendReply")}</button>
    </form>
  );
}
