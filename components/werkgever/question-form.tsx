"use client";
import { SubmitButton, useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { fileQuestionAction } from "@/lib/employer/actions";
import { EMPLOYER_CATEGORIES } from "@/lib/employer/schema";
import { FormAlert, SelectField, TextArea, TextField } from "./form-fields";

export function QuestionForm() {
  const t = useTranslations("werkgever.question");
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => fileQuestionAction(form),
    (data: { number: string }) => router.push(`/werkgever/vragen/${data.number}?nieuw=1`),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <FormAlert reason={reason} fieldErrors={fieldErrors} />
      <SelectField
        name="categoryKey"
        label={t("category")}
        placeholder={t("categoryPlaceholder")}
        errors={fieldErrors.categoryKey}
        options={EMPLOYER_CATEGORIES.map((key) => ({ value: key, label: t(`categories.${key}`) }))}
      />
      <TextField name="subject" label={t("subject")} required errors={fieldErrors.subject} />
      <TextArea name="body" label={t("body")} hint={t("bodyHint")} required errors={fieldErrors.body} rows={8} />
      <FilesField errors={fieldErrors.files} />
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}

/** The attachment picker of employer messages (a new question and a reply): PDF, JPEG, PNG, checked again on the server. */
export function FilesField({ errors }: { errors: string[] | undefined }) {
  const t = useTranslations("werkgever.question");
  return (
    <div>
      <label htmlFor="files" className="block text-sm font-medium text-slate-800">{t("files")}</label>
      <p id="files-hint" className="text-sm text-slate-600">{t("filesHint")}</p>
      <input id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby={errors?.length ? "files-hint files-error" : "files-hint"} aria-invalid={errors?.length ? true : undefined} className="mt-1 block text-sm" />
      {errors?.length ? <p id="files-error" className="mt-1 text-sm text-red-700">{t(`fileErrors.${errors[0] === "FILE_TOO_LARGE" || errors[0] === "FILE_TYPE_NOT_ALLOWED" ? errors[0] : "TOO_MANY_FILES"}`)}</p> : null}
    </div>
  );
}
