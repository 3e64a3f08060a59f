"use client";
import { useTranslations } from "next-intl";
import { updateHolidaySettingsAction } from "@/lib/settings/actions";
import { FormMessage, useSettingsAction } from "./use-settings-action";

const RULES = ["NEVER", "EVERY_YEAR", "EVERY_FIFTH_YEAR"] as const;

export function HolidayForm({ goodFriday, liberationDay }: { goodFriday: string; liberationDay: string }) {
  const t = useTranslations("leadSettings");
  const { pending, message, submit } = useSettingsAction();
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        submit(updateHolidaySettingsAction, { goodFriday: form.get("goodFriday"), liberationDay: form.get("liberationDay") });
      }}
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
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">{t("save")}</button>
      <FormMessage message={message} />
    </form>
  );
}
