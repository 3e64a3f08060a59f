"use client";
import { useTranslations } from "next-intl";
import { updateOpeningHoursAction } from "@/lib/settings/actions";
import { SettingsForm } from "./use-settings-action";

export interface DayHours {
  weekday: number;
  closed: boolean;
  opens: string;
  closes: string;
}

export function OpeningHoursForm({ line, days }: { line: "BENEFICIARY" | "EMPLOYER"; days: DayHours[] }) {
  const t = useTranslations("leadSettings");
  return (
    <SettingsForm
      className="space-y-2"
      action={updateOpeningHoursAction}
      toInput={(form) => ({
        line,
        days: days.map((d) => {
          const closed = form.get(`closed-${d.weekday}`) === "on";
          return closed ? { weekday: d.weekday, closed } : { weekday: d.weekday, closed, opens: form.get(`opens-${d.weekday}`), closes: form.get(`closes-${d.weekday}`) };
        }),
      })}
    >
      <table className="text-sm">
        <caption className="sr-only">{t(`lines.${line}`)}</caption>
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="pr-4">{t("hours.day")}</th>
            <th scope="col" className="pr-4">{t("hours.opens")}</th>
            <th scope="col" className="pr-4">{t("hours.closes")}</th>
            <th scope="col">{t("hours.closed")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.weekday}>
              <th scope="row" className="pr-4 text-left font-medium">{t(`weekdays.${d.weekday}`)}</th>
              <td className="pr-4">
                <input aria-label={`${t(`weekdays.${d.weekday}`)} ${t("hours.opens")}`} name={`opens-${d.weekday}`} type="time" defaultValue={d.opens} className="rounded border border-slate-400 px-1" />
              </td>
              <td className="pr-4">
                <input aria-label={`${t(`weekdays.${d.weekday}`)} ${t("hours.closes")}`} name={`closes-${d.weekday}`} type="time" defaultValue={d.closes} className="rounded border border-slate-400 px-1" />
              </td>
              <td>
                <input aria-label={`${t(`weekdays.${d.weekday}`)} ${t("hours.closed")}`} name={`closed-${d.weekday}`} type="checkbox" defaultChecked={d.closed} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SettingsForm>
  );
}
