"use client";
import { useTranslations } from "next-intl";
import { FieldError, labelClass } from "./form-kit";

export interface SlotChoice {
  key: string;
  date: string;
  kind: "MORNING" | "AFTERNOON";
  dayLabel: string;
  label: string;
  remaining: number;
  bookable: boolean;
}

/** Working days with their two slots as radio buttons; full or closed slots are shown but disabled. */
export function SlotPicker({ slots, errors, legend }: { slots: SlotChoice[]; errors?: string[]; legend: string }) {
  const t = useTranslations("portaal.callback");
  const days = [...new Set(slots.map((s) => s.date))];
  // The first choice carries the field's id: "Naar het eerste veld" and the focus on a refusal land on it.
  const firstKey = slots.find((s) => s.bookable)?.key;
  if (!slots.some((s) => s.bookable)) return <p className="text-slate-700">{t("noSlots")}</p>;
  return (
    <fieldset aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? "slot-error" : undefined}>
      <legend className={labelClass}>{legend}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {days.map((date) => {
          const ofDay = slots.filter((s) => s.date === date);
          return (
            <div key={date} className="rounded border border-slate-200 p-3">
              <p className="text-sm font-semibold text-slate-900">{ofDay[0]?.dayLabel}</p>
              {ofDay.map((s) => (
                <label key={s.key} className={`mt-1 flex items-center gap-2 text-sm ${s.bookable ? "text-slate-900" : "text-slate-600"}`}>
                  <input type="radio" name="slotKey" id={s.key === firstKey ? "slot" : undefined} value={s.key} disabled={!s.bookable} data-testid={`slot-${s.key}`} />
                  {s.label} · {s.bookable ? t("placesLeft", { count: s.remaining }) : s.remaining === 0 ? t("slotFull") : "—"}
                </label>
              ))}
            </div>
          );
        })}
      </div>
      {/* The picker offers only valid moments, so any error on it means none was chosen: say what to choose. */}
      <FieldError id="slot" errors={errors?.length ? ["CHOOSE_SLOT"] : undefined} />
    </fieldset>
  );
}

/** "2026-11-25:MORNING" into the action's date and slot. */
export function splitSlotKey(value: FormDataEntryValue | null): { date: string; slot: string } {
  const [date = "", slot = ""] = String(value ?? "").split(":");
  return { date, slot };
}
