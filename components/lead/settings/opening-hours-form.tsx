"use client";
import { useTranslations } from "next-intl";
import { saveContactLineHoursAction } from "@/lib/lines/actions";
import { LinesMessageLine, useLinesAction } from "../lines/use-lines-action";

export interface DayHours {
  weekday: number;
  /** "09:00-12:00, 13:00-17:00"; empty when closed. */
  hours: string;
}

/** Any contact line's week: per weekday one text field that takes one or more periods. */
export function OpeningHoursForm({ line, lineName, days }: { line: string; lineName: string; days: DayHours[] }) {
  const t = useTranslations("leadLines");
  const tw = useTranslations("contactLines.weekdays");
  const { pending, message, submit } = useLinesAction();
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        submit(saveContactLineHoursAction, { line, days: days.map((d) => ({ weekday: d.weekday, hours: String(form.get(`hours-${d.weekday}`) ?? "") })) });
      }}
    >
      <fieldset>
        <legend className="font-medium">{t("hours")}</legend>
        <p id={`hours-hint-${line}`} className="text-sm text-slate-600">{t("hoursHint")}</p>
        <div className="mt-2 grid grid-cols-[8rem_1fr] items-center gap-x-3 gap-y-1 text-sm">
          {days.map((d) => (
            <div key={d.weekday} className="contents">
              <label htmlFor={`hours-${line}-${d.weekday}`}>{tw(String(d.weekday))}</label>
              <input
                id={`hours-${line}-${d.weekday}`}
                name={`hours-${d.weekday}`}
                defaultValue={d.hours}
                aria-label={`${lineName}: ${tw(String(d.weekday))}`}
                aria-describedby={`hours-hint-${line}`}
                maxLength={100}
                placeholder={t("closedPlaceholder")}
                className="max-w-xs rounded border border-slate-400 px-2 py-1 font-mono"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {t("saveHours")}
      </button>
      <LinesMessageLine message={message} />
    </form>
  );
}
