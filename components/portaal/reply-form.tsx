"use client";
import { SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { replyAsBeneficiaryAction } from "@/lib/portal/actions";
import { buttonClass, ErrorAlert, FilesField, TextAreaField } from "./form-kit";

export function ReplyForm({ ticketId, resolved }: { ticketId: string; resolved: boolean }) {
  const t = useTranslations("portaal.ticket");
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(replyAsBeneficiaryAction, (_data, form) => {
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <ErrorAlert reason={reason} fieldErrors={fieldErrors} />
      {succeeded ? <SuccessNote>{t("replySent")}</SuccessNote> : null}
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextAreaField name="body" label={t("reply")} hint={resolved ? t("replyHint") : undefined} rows={5} errors={fieldErrors.body} />
      <FilesField errors={fieldErrors.files} />
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("sending") : t("sendReply")}</button>
    </form>
  );
}
