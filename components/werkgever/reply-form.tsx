"use client";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { replyAction } from "@/lib/employer/actions";
import { FormAlert, TextArea } from "./form-fields";
import { FilesField } from "./question-form";

export function ReplyForm({ ticketNumber }: { ticketNumber: string }) {
  const t = useTranslations("werkgever.reply");
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) =>
      replyAction({
        ticketNumber,
        body: form.get("body"),
        // An empty file input still sends one empty file: leave those out.
        files: form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0),
      }),
    (_data, form) => {
      form.reset();
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("sent")}</SuccessNote> : null}
      <TextArea name="body" label={t("label")} required errors={fieldErrors.body} rows={4} />
      <FilesField errors={fieldErrors.files} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
