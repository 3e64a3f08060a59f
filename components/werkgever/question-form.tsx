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
      <FormAlert reason={reason} />
      <SelectField
        name="categoryKey"
        label={t("category")}
        errors={fieldErrors.categoryKey}
        options={EMPLOYER_CATEGORIES.map((key) => ({ value: key, label: t(`categories.${key}`) }))}
      />
      <TextField name="subject" label={t("subject")} required errors={fieldErrors.subject} />
      <TextArea name="body" label={t("body")} hint={t("bodyHint")} required errors={fieldErrors.body} rows={8} />
      <div>
        <label htmlFor="files" className="block text-sm font-medium text-slate-800">{t("files")}</label>
        <p id="files-hint" className="text-sm text-slate-600">{t("filesHint")}</p>
        <input id="files" name="files" type="file" multiple accept="application/pdf,image/jpeg,image/png" aria-describedby={fieldErrors.files?.length ? "files-hint files-error" : "files-hint"} aria-invalid={fieldErrors.files?.length ? true : undefined} className="mt-1 block text-sm" />
        {fieldErrors.files?.length ? <p id="files-error" className="mt-1 text-sm text-red-700">{t(`fileErrors.${fieldErrors.files[0] === "FILE_TOO_LARGE" || fieldErrors.files[0] === "FILE_TYPE_NOT_ALLOWED" ? fieldErrors.files[0] : "TOO_MANY_FILES"}`)}</p> : null}
      </div>
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
