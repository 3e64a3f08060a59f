"use client";
import { useTranslations } from "next-intl";
import { updateHolidaySettingsAction } from "@/lib/settings/actions";
import { SettingsForm } from "./use-settings-action";

const RULES = ["NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"] as const;

export function HolidayForm({ goodFriday, liberationDay }: { goodFriday: string; liberationDay: string }) {
  const t = useTranslations("leadSettings");
  return (
    <SettingsForm
      className="space-y-3"
      action={updateHolidaySettingsAction}
      toInput={(form) => ({ goodFriday: form.get("goodFriday"), liberationDay: form.get("liberationDay") })}
    >
      {(["goodFriday", "liberationDay"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={name} className="block text-sm font-medium">{t(`holidays.${name}`)}</label>
          <select id={name} name={name} defaultValue={name === "goodFriday" ? goodFriday : liberationDay} className="mt-1 rounded border border-slate-400 px-2 py-1">
            {RULES.map((rule) => (
              <option key={rule} value={rule}>{t(`holidays.rules.${rule}`)}</option>
            ))}
          </select>
        </div>
      ))}
    </SettingsForm>
  );
}
