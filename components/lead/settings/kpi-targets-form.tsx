"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define";
import { updateKpiTargetsAction } from "@/lib/kpi/targets-actions";
import type { KpiKey } from "@/lib/kpi/rules";
import { KPI_DIRECTIONS, KPI_TARGET_KEYS, targetUnit } from "@/lib/kpi/targets";

const FIELD_CODES = new Set(["TARGET_RANGE", "TARGET_NUMBER"]);
const KNOWN = new Set(["INVALID_INPUT", "FORBIDDEN"]);

/** Every KPI's target in one form; a refused field says why next to it. */
export function KpiTargetsForm({ values }: { values: Record<KpiKey, string> }) {
  const t = useTranslations("kpiTargets");
  const names = useTranslations("leadKpi");
  const [pending, start] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = Object.fromEntries(KPI_TARGET_KEYS.map((key) => [key, String(data.get(key) ?? "")]));
    start(async () => {
      const result = await updateKpiTargetsAction(input).catch((): ActionResult<undefined> => ({ ok: false, reason: "UNEXPECTED" }));
      if (result.ok) {
        setFieldErrors({});
        setMessage({ kind: "ok", text: t("saved") });
        return;
      }
      const errors: Record<string, string> = {};
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {})) {
        const code = codes.find((c) => FIELD_CODES.has(c));
        if (code) errors[field] = code;
      }
      setFieldErrors(errors);
      setMessage({ kind: "error", text: t(`errors.${KNOWN.has(result.reason) ? result.reason : "UNEXPECTED"}` as "errors.UNEXPECTED") });
      const first = Object.keys(errors)[0];
      if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    });
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="space-y-3"
    >
      <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {KPI_TARGET_KEYS.map((key) => {
          const id = `kpi-target-${key}`;
          const error = fieldErrors[key];
          const perThousand = targetUnit(key) === "perThousand";
          return (
            <div key={key}>
              <label htmlFor={id} className="block text-sm font-medium">{names(`names.${key}`)}</label>
              <div className="mt-1 flex items-center gap-2 text-sm">
                <span className="text-slate-600">{t(KPI_DIRECTIONS[key])}</span>
                <input
                  id={id}
                  name={key}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={perThousand ? 1000 : 100}
                  step="any"
                  defaultValue={values[key]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="w-24 rounded border border-slate-400 px-2 py-1"
                />
                <span className="text-slate-600">{perThousand ? t("perThousand") : t("percent")}</span>
              </div>
              {error ? (
                <p id={`${id}-error`} className="mt-1 text-sm text-red-800">{t(`errors.${error}` as "errors.TARGET_RANGE")}</p>
              ) : null}
            </div>
          );
        })}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
        {t("save")}
      </button>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
