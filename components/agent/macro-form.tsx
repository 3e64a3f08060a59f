"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createMacro, updateMacro } from "@/lib/macros/actions";
import { KNOWN_PLACEHOLDERS } from "@/lib/macros/rules";
import { MACRO_STATUSES } from "@/lib/macros/schema";
import { fieldAria, focusFirstBad, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";

export interface MacroFormValues {
  id?: string;
  title: string;
  body: string;
  locale: "nl" | "en";
  setStatus: string;
  setCategoryKey: string;
  active: boolean;
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
type Outcome = { ok: true; data: { id: string } } | { ok: false; reason: string; fieldErrors?: Record<string, string[]> };

export function MacroForm({ initial, categories }: { initial: MacroFormValues; categories: { key: string; name: string }[] }) {
  const t = useTranslations("agentMacros");
  const tStatus = useTranslations("staffStatus");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const known = KNOWN_PLACEHOLDERS.join(", ");
  // The inputs' ids, for the summary's link and focus (two selects are named after their meaning).
  const idOf = (name: string) => ({ setStatus: "macro-status", setCategoryKey: "macro-category" })[name] ?? `macro-${name}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    setPending(true);
    const result: Outcome = await (values.id ? updateMacro(values) : createMacro(values)).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
    setPending(false);
    if (!result.ok) {
      const fieldErrors = result.reason === "INVALID_INPUT" ? (result.fieldErrors ?? {}) : {};
      setErrors(fieldErrors);
      setReason(result.reason);
      focusFirstBad(fieldErrors, idOf);
      // The unknown placeholders are named next to the ones Loket knows.
      if (result.reason === "UNKNOWN_PLACEHOLDER") setError(t("errors.UNKNOWN_PLACEHOLDER", { unknown: (result.fieldErrors?.body ?? []).join(", "), known }));
      else setError(t.has(`errors.${result.reason}`) ? t(`errors.${result.reason}`) : t("errors.GENERIC"));
      return;
    }
    setErrors({});
    setError(null);
    setReason(null);
    setSaved(true);
    if (!values.id) router.push(`/agent/kennisbank/macros/${result.data.id}`);
    else router.refresh();
  }
  const fieldMessage = (name: string) => <WorkspaceFieldError id={idOf(name)} errors={errors[name]} namespace="agentMacros" />;
  const aria = (name: string, hintId?: string) => fieldAria(idOf(name), errors[name], hintId);

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <WorkspaceRefusal reason={reason} fieldErrors={errors} idOf={idOf} text={error} />
      {saved ? <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">{t("saved")}</p> : null}
      <div className="grid gap-3 md:grid-cols-[1fr_10rem]">
        <div>
          <label htmlFor="macro-title" className="text-sm font-medium">{t("titleLabel")}</label>
          <input id="macro-title" value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} className={field} {...aria("title")} />
          {fieldMessage("title")}
        </div>
        <div>
          <label htmlFor="macro-locale" className="text-sm font-medium">{t("locale")}</label>
          <select id="macro-locale" value={values.locale} onChange={(e) => setValues({ ...values, locale: e.target.value as MacroFormValues["locale"] })} className={field}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="macro-body" className="text-sm font-medium">{t("body")}</label>
        <textarea
          id="macro-body"
          rows={8}
          value={values.body}
          onChange={(e) => setValues({ ...values, body: e.target.value })}
          className={field}
          {...aria("body", "macro-body-hint")}
        />
        <p id="macro-body-hint" className="mt-1 text-xs text-slate-600">{t("bodyHint", { known })}</p>
        {fieldMessage("body")}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="macro-status" className="text-sm font-medium">{t("setStatus")}</label>
          <select id="macro-status" value={values.setStatus} onChange={(e) => setValues({ ...values, setStatus: e.target.value })} className={field}>
            <option value="">{t("noChange")}</option>
            {MACRO_STATUSES.map((s) => (
              <option key={s} value={s}>{tStatus(s)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="macro-category" className="text-sm font-medium">{t("setCategory")}</label>
          <select id="macro-category" value={values.setCategoryKey} onChange={(e) => setValues({ ...values, setCategoryKey: e.target.value })} className={field}>
            <option value="">{t("noChange")}</option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>{c.name}</option>
            ))}
          </select>
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.active} onChange={(e) => setValues({ ...values, active: e.target.checked })} /> {t("active")}
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
