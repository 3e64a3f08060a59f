"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SubmitButton, SuccessNote, useFormAction } from "@/components/ui/form-action";
import { updateRetentionAction } from "@/lib/privacy/actions";
import { PrivacyAlert, useFieldErrorText } from "./privacy-alert";

export interface RetentionRow {
  cls: string;
  amount: number;
  unit: "MONTHS" | "YEARS";
  minimumMonths: number;
  effect: "ANONYMISE" | "DELETE";
  /** The last sweep's figure for the class, or null when no sweep ran yet. */
  lastCount: number | null;
}

/** Every retention class with its term (amount and unit) and what the sweep does when it ends. */
export function RetentionForm({ rows }: { rows: RetentionRow[] }) {
  const t = useTranslations("privacyAdmin");
  const errorText = useFieldErrorText();
  const router = useRouter();
  const { pending, succeeded, reason, fieldErrors, onSubmit } = useFormAction(
    (form) => updateRetentionAction(Object.fromEntries(rows.map((r) => [r.cls, { amount: form.get(`${r.cls}.amount`), unit: form.get(`${r.cls}.unit`) }]))),
    () => router.refresh(),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("retentionTitle")} className="space-y-3">
      <PrivacyAlert reason={reason} />
      {succeeded ? <SuccessNote>{t("retentionSaved")}</SuccessNote> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" data-testid="retention-table">
          <caption className="sr-only">{t("retentionTitle")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">{t("columns.class")}</th>
              <th scope="col" className="px-3 py-2 font-semibold">{t("columns.term")}</th>
              <th scope="col" className="px-3 py-2 font-semibold">{t("columns.effect")}</th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">{t("columns.lastSweep")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const errors = errorText(fieldErrors[`${r.cls}.amount`]);
              return (
                <tr key={r.cls} className="border-t border-slate-100 align-top" data-testid={`retention-${r.cls}`}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {t(`classes.${r.cls}.name`)}
                    <span className="block font-normal text-slate-600">{t(`classes.${r.cls}.since`)}</span>
                  </th>
                  <td className="px-3 py-2">
                    <div className="flex items-center gap-2">
                      <label htmlFor={`${r.cls}-amount`} className="sr-only">{t("amountOf", { name: t(`classes.${r.cls}.name`) })}</label>
                      <input
                        id={`${r.cls}-amount`}
                        name={`${r.cls}.amount`}
                        type="number"
                        min={1}
                        defaultValue={r.amount}
                        aria-invalid={errors ? true : undefined}
                        aria-describedby={`${r.cls}-min${errors ? ` ${r.cls}-error` : ""}`}
                        className="w-20 rounded border border-slate-400 bg-white px-2 py-1"
                      />
                      <label htmlFor={`${r.cls}-unit`} className="sr-only">{t("unitOf", { name: t(`classes.${r.cls}.name`) })}</label>
                      <select id={`${r.cls}-unit`} name={`${r.cls}.unit`} defaultValue={r.unit} className="rounded border border-slate-400 bg-white px-2 py-1">
                        <option value="MONTHS">{t("months")}</option>
                        <option value="YEARS">{t("years")}</option>
                      </select>
                    </div>
                    <p id={`${r.cls}-min`} className="mt-1 text-slate-600">{t("minimum", { months: r.minimumMonths })}</p>
                    {errors ? <p id={`${r.cls}-error`} className="mt-1 text-red-700">{errors}</p> : null}
                  </td>
                  <td className="px-3 py-2">{t(`effects.${r.effect}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.lastCount ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SubmitButton pending={pending} label={t("saveRetention")} pendingLabel={t("working")} />
    </form>
  );
}
