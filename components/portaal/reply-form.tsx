"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { replyAsBeneficiaryAction } from "@/lib/portal/actions";
import { buttonClass, ErrorAlert, FilesField, TextAreaField } from "./form-kit";

export function ReplyForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("portaal.ticket");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(replyAsBeneficiaryAction, (_data, form) => {
    form.reset();
    setDone(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <ErrorAlert reason={reason} />
      {done ? <SuccessNote>{t("replySent")}</SuccessNote> : null}
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextAreaField name="body" label={t("reply")} hint={t("replyHint")} rows={5} errors={fieldErrors.body} />
      <FilesField errors={fieldErrors.files} />
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("sending") : t("sendReply")}</button>
    </form>
  );
}
