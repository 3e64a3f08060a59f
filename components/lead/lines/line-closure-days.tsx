"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatDateKeyLong, toFormatLocale } from "@/lib/calendar/format";
import { addContactLineClosureDayAction, removeContactLineClosureDayAction } from "@/lib/lines/actions";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "@/components/agent/field-feedback";
import { LinesMessageLine, useLinesAction } from "./use-lines-action";

/** The days only this line is closed (the centre's own closure days are under Settings). */
export function LineClosureDays({ lineKey, days }: { lineKey: string; days: { date: string; reasonNl: string; reasonEn: string }[] }) {
  const t = useTranslations("leadLines");
  const lang = toFormatLocale(useLocale());
  const id = `closure-${lineKey}`;
  // The inputs' ids, for the summary's link and focus.
  const idOf = (field: string) => `${id}-${({ date: "date", reasonNl: "nl", reasonEn: "en" } as Record<string, string>)[field] ?? field}`;
  const { pending, message, reason, fieldErrors, submit } = useLinesAction(idOf);
  const [ask, confirmDialog] = useConfirm();
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <div className="space-y-3">
      {days.length === 0 ? <p className="text-sm text-slate-600">{t("noClosures")}</p> : null}
      <ul className="divide-y divide-slate-100 text-sm">
        {days.map((day) => (
          <li key={day.date} className="flex items-center justify-between gap-3 py-1.5">
            <span>
              <span>{formatDateKeyLong(day.date, lang)}</span> · {day.reasonNl} / {day.reasonEn}
            </span>
            <button
              type="button"
              disabled={pending}
              onClick={async () => {
                if (!(await ask(t("removeClosureConfirm", { date: formatDateKeyLong(day.date, lang), reason: day.reasonNl }), { confirmLabel: t("removeClosureYes"), danger: true }))) return;
                submit(removeContactLineClosureDayAction, { lineKey, date: day.date });
              }}
              className="text-sm text-red-800 underline disabled:opacity-60"
            >
              {t("removeClosure", { date: formatDateKeyLong(day.date, lang) })}
            </button>
          </li>
        ))}
      </ul>
      <WorkspaceRefusal reason={reason} fieldErrors={fieldErrors} idOf={idOf} text={null} />
      <form
        ref={formRef}
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          submit(addContactLineClosureDayAction, { lineKey, date: form.get("date"), reasonNl: form.get("reasonNl"), reasonEn: form.get("reasonEn") }, () => formRef.current?.reset());
        }}
      >
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium">{t("date")}</label>
          <input id={`${id}-date`} name="date" type="date" required className="mt-1 rounded border border-slate-400 px-2 py-1" {...fieldAria(`${id}-date`, fieldErrors.date)} />
          <WorkspaceFieldError id={`${id}-date`} errors={fieldErrors.date} namespace="leadLines" extraCodes={["CHOOSE_DATE", "INVALID_DATE"]} />
        </div>
        <div>
          <label htmlFor={`${id}-nl`} className="block text-sm font-medium">{t("reasonNl")}</label>
          <input id={`${id}-nl`} name="reasonNl" required maxLength={200} className="mt-1 rounded border border-slate-400 px-2 py-1" {...fieldAria(`${id}-nl`, fieldErrors.reasonNl)} />
          <WorkspaceFieldError id={`${id}-nl`} errors={fieldErrors.reasonNl} namespace="leadLines" extraCodes={["CHOOSE_DATE", "INVALID_DATE"]} />
        </div>
        <div>
          <label htmlFor={`${id}-en`} className="block text-sm font-medium">{t("reasonEn")}</label>
          <input id={`${id}-en`} name="reasonEn" required maxLength={200} className="mt-1 rounded border border-slate-400 px-2 py-1" {...fieldAria(`${id}-en`, fieldErrors.reasonEn)} />
          <WorkspaceFieldError id={`${id}-en`} errors={fieldErrors.reasonEn} namespace="leadLines" extraCodes={["CHOOSE_DATE", "INVALID_DATE"]} />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("addClosure")}</button>
      </form>
      <LinesMessageLine message={message} />
      {confirmDialog}
    </div>
  );
}
