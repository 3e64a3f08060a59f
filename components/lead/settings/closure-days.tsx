"use client";
import { useLocale, useTranslations } from "next-intl";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { formatDateKeyLong, toFormatLocale } from "@/lib/calendar/format";
import { createClosureDayAction, deleteClosureDayAction } from "@/lib/settings/actions";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "@/components/agent/field-feedback";
import { FormMessage, useSettingsAction } from "./use-settings-action";

// The inputs' ids, for the summary's link and focus.
const CLOSURE_IDS: Record<string, string> = { date: "closure-date", reasonNl: "closure-nl", reasonEn: "closure-en" };
const closureId = (field: string) => CLOSURE_IDS[field] ?? field;

export function ClosureDays({ days }: { days: { date: string; reasonNl: string; reasonEn: string }[] }) {
  const t = useTranslations("leadSettings");
  const lang = toFormatLocale(useLocale());
  const { pending, message, reason, fieldErrors, submit } = useSettingsAction(closureId);
  const [ask, confirmDialog] = useConfirm();
  return (
    <div className="space-y-4">
      {days.length === 0 ? <p className="text-sm text-slate-600">{t("closure.none")}</p> : null}
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
                if (!(await ask(t("closure.removeConfirm", { date: formatDateKeyLong(day.date, lang), reason: day.reasonNl }), { confirmLabel: t("closure.removeYes"), danger: true }))) return;
                submit(deleteClosureDayAction, { date: day.date });
              }}
              className="text-sm text-red-800 underline disabled:opacity-60"
            >
              {t("closure.remove", { date: formatDateKeyLong(day.date, lang) })}
            </button>
          </li>
        ))}
      </ul>
      <WorkspaceRefusal reason={reason} fieldErrors={fieldErrors} idOf={closureId} text={null} />
      <form
        noValidate
        className="flex flex-wrap items-start gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          submit(createClosureDayAction, { date: form.get("date"), reasonNl: form.get("reasonNl"), reasonEn: form.get("reasonEn") });
        }}
      >
        <div>
          <label htmlFor="closure-date" className="block text-sm font-medium">{t("closure.date")}</label>
          <input id="closure-date" name="date" type="date" required className="mt-1 rounded border border-slate-400 px-2 py-1" {...fieldAria("closure-date", fieldErrors.date)} />
          <WorkspaceFieldError id="closure-date" errors={fieldErrors.date} namespace="leadSettings" extraCodes={["CHOOSE_DATE", "INVALID_DATE"]} />
        </div>
        <div>
          <label htmlFor="closure-nl" className="block text-sm font-medium">{t("closure.reasonNl")}</label>
          <input id="closure-nl" name="reasonNl" required maxLength={200} className="mt-1 rounded border border-slate-400 px-2 py-1" {...fieldAria("closure-nl", fieldErrors.reasonNl)} />
          <WorkspaceFieldError id="closure-nl" errors={fieldErrors.reasonNl} namespace="leadSettings" extraCodes={["CHOOSE_DATE", "INVALID_DATE"]} />
        </div>
        <div>
          <label htmlFor="closure-en" className="block text-sm font-medium">{t("closure.reasonEn")}</label>
          <input id="closure-en" name="reasonEn" required maxLength={200} className="mt-1 rounded border border-slate-400 px-2 py-1" {...fieldAria("closure-en", fieldErrors.reasonEn)} />
          <WorkspaceFieldError id="closure-en" errors={fieldErrors.reasonEn} namespace="leadSettings" extraCodes={["CHOOSE_DATE", "INVALID_DATE"]} />
        </div>
        <button type="submit" disabled={pending} className="mt-6 rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("closure.add")}</button>
      </form>
      <FormMessage message={message} />
      {confirmDialog}
    </div>
  );
}
