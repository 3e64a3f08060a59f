"use client";
import { useFormAction } from "@/components/ui/form-action";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useConfirmation } from "@/components/ui/page-confirmation";
import { answerSurveyAction } from "@/lib/survey/actions";
import { buttonClass, describedBy, ErrorAlert, FieldError, inputClass, labelClass } from "./form-kit";

const SCORES = ["1", "2", "3", "4", "5"] as const;

export function SurveyForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("portaal.survey");
  const router = useRouter();
  const { confirm } = useConfirmation();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => answerSurveyAction({ ticketId, score: form.get("score") ?? "", comment: form.get("comment") ?? "" }),
    () => {
      confirm("survey", t("thanks"));
      router.refresh();
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="survey-title">
      <h2 id="survey-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-slate-700">{t("intro")}</p>
      <ErrorAlert reason={reason} fieldErrors={fieldErrors} />
      <fieldset {...describedBy("score", fieldErrors.score)}>
        <legend className={labelClass}>{t("score")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {SCORES.map((s) => (
            <label key={s} className="flex items-center gap-2 rounded border border-slate-300 px-3 py-2 text-sm">
              <input type="radio" name="score" value={s} />
              {t(`scores.${s}`)}
            </label>
          ))}
        </div>
        <FieldError id="score" errors={fieldErrors.score} />
      </fieldset>
      <div>
        <label htmlFor="comment" className={labelClass}>{t("comment")}</label>
        <textarea id="comment" name="comment" rows={3} className={inputClass} {...describedBy("comment", fieldErrors.comment)} />
        <FieldError id="comment" errors={fieldErrors.comment} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{t("submit")}</button>
    </form>
  );
}
