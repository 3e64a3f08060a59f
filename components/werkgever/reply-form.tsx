"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { ConfirmationSlot, useConfirmation } from "@/components/ui/page-confirmation";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { replyAction } from "@/lib/employer/actions";
import { pickedFiles } from "@/lib/uploads/rules";
import { FormAlert, TextArea } from "./form-fields";
import { FilesField } from "./question-form";

/** A reply on the question's page; its confirmation replaces the page's previous one (ConfirmationScope). */
export function ReplyForm({ ticketNumber }: { ticketNumber: string }) {
  const t = useTranslations("werkgever.reply");
  const router = useRouter();
  const { confirm, clear } = useConfirmation();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => {
      clear();
      return replyAction({
        ticketNumber,
        body: form.get("body"),
        // An empty file input still sends one empty file: leave those out.
        files: pickedFiles(form, "files"),
      });
    },
    (_data, form) => {
      form.reset();
      confirm("reply", t("sent"));
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <ConfirmationSlot slot="reply" />
      <TextArea name="body" label={t("label")} required errors={fieldErrors.body} rows={4} />
      <FilesField errors={fieldErrors.files} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
