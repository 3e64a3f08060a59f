"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ErrorNote, SubmitButton, useFormAction } from "@/components/ui/form-action";
import { FieldErrorSummary } from "@/components/ui/field-error-summary";
import { badFields, formatLimit, parseErrorCode } from "@/lib/forms/error-code";
import { answerEmployerSurveyAction } from "@/lib/survey/actions";

const SCORES = ["1", "2", "3", "4", "5"] as const;
const KNOWN_REASONS = new Set(["NOT_FOUND", "SURVEY_CLOSED", "ALREADY_ANSWERED", "NO_SURVEY", "INVALID_INPUT", "FORBIDDEN", "UNAUTHENTICATED"]);
const FIELD_CODES = new Set(["INVALID_SCORE", "TOO_LONG"]);

/** The beneficiary portal's survey (a score 1-5 and an optional comment), for an employer's resolved question. */
export function EmployerSurveyForm({ ticketNumber }: { ticketNumber: string }) {
  const t = useTranslations("employerSurvey");
  const locale = useLocale();
  const router = useRouter();
  const { pending, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => answerEmployerSurveyAction({ ticketNumber, score: form.get("score") ?? "", comment: form.get("comment") ?? "" }),
    () => router.refresh(),
  );
  const fieldError = (name: string) =>
    fieldErrors[name]?.length ? (
      <p id={`survey-${name}-error`} className="mt-1 text-sm text-red-700">{fieldErrors[name]
        .map((raw) => {
          // "TOO_LONG:2000": the schema's limit, in the page's number format.
          const { code, limit } = parseErrorCode(raw);
          return t(`fieldErrors.${FIELD_CODES.has(code) ? code : "INVALID"}`, { limit: limit === undefined ? "" : formatLimit(limit, locale) });
        })
        .join(" ")}</p>
    ) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="mb-8 max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="survey-title" data-testid="employer-survey">
      <h2 id="survey-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-slate-700">{t("intro")}</p>
      {reason === "INVALID_INPUT" && badFields(fieldErrors).length > 0 ? (
        <FieldErrorSummary fieldErrors={fieldErrors} idOf={(field) => `survey-${field}`} />
      ) : reason ? (
        <ErrorNote>{t(`errors.${KNOWN_REASONS.has(reason) ? reason : "UNEXPECTED"}`)}</ErrorNote>
      ) : null}
      <fieldset aria-invalid={fieldErrors.score?.length ? true : undefined} aria-describedby={fieldErrors.score?.length ? "survey-score-error" : undefined}>
        <legend className="block text-sm font-medium text-slate-800">{t("score")}</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {SCORES.map((s, i) => (
            <label key={s} className="flex items-center gap-2 rounded border border-slate-300 px-3 py-2 text-sm">
              {/* The first choice carries the id the refusal summary links to. */}
              <input type="radio" name="score" value={s} id={i === 0 ? "survey-score" : undefined} />
              {t(`scores.${s}`)}
            </label>
          ))}
        </div>
        {fieldError("score")}
      </fieldset>
      <div>
        <label htmlFor="survey-comment" className="block text-sm font-medium text-slate-800">{t("comment")}</label>
        <textarea
          id="survey-comment"
          name="comment"
          rows={3}
          aria-invalid={fieldErrors.comment?.length ? true : undefined}
          aria-describedby={fieldErrors.comment?.length ? "survey-comment-error" : undefined}
          className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2"
        />
        {fieldError("comment")}
      </div>
      <SubmitButton pending={pending} label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
