import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PERIOD_PRESETS, type PeriodError, presetKeys, presetOf } from "@/lib/employer-service/period";

const inputClass = "mt-1 block rounded border border-slate-400 bg-white px-3 py-2";

/** The period: two dates (a plain GET form, works without JavaScript) and the preset links. */
export async function PeriodPicker({ keys, error, now }: { keys: { from: string; to: string }; error: PeriodError | null; now: Date }) {
  const t = await getTranslations("serviceOverview.period");
  const chosen = error ? null : presetOf(keys, now);
  const invalid = error ? true : undefined;
  return (
    <section aria-labelledby="period-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="period-heading" className="text-lg font-semibold">{t("legend")}</h2>
      <form method="get" action="/werkgever/overzicht" noValidate className="mt-2 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="van" className="block text-sm font-medium text-slate-800">{t("from")}</label>
          <input id="van" name="van" type="date" defaultValue={keys.from} aria-invalid={invalid} aria-describedby={error ? "period-error" : undefined} className={inputClass} />
        </div>
        <div>
          <label htmlFor="tot" className="block text-sm font-medium text-slate-800">{t("to")}</label>
          <input id="tot" name="tot" type="date" defaultValue={keys.to} aria-invalid={invalid} aria-describedby={error ? "period-error" : undefined} className={inputClass} />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("apply")}</button>
      </form>
      {error ? <p id="period-error" role="alert" className="mt-2 text-sm font-medium text-red-700" data-testid="period-error">{t(`errors.${error}`)}</p> : null}
      <nav aria-label={t("presets")} className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{t("presets")}:</span>
        {PERIOD_PRESETS.map((preset) => {
          const k = presetKeys(preset, now);
          return (
            <Link
              key={preset}
              href={`/werkgever/overzicht?van=${k.from}&tot=${k.to}`}
              aria-current={chosen === preset ? "true" : undefined}
              className={`rounded-full border px-3 py-1 no-underline ${chosen === preset ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-brand-800 hover:bg-brand-50"}`}
            >
              {t(preset)}
            </Link>
          );
        })}
      </nav>
    </section>
  );
}
