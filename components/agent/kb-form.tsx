"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createKbArticleAction, updateKbArticleAction } from "@/lib/kb/actions";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";
import { useAgentAction } from "./use-action-errors";

export interface KbFormValues {
  id?: string;
  kind: "ARTICLE" | "CALL_SCRIPT";
  audience: "INTERNAL" | "PUBLIC";
  locale: "nl" | "en";
  question: string;
  answer: string;
  tags: string;
  published: boolean;
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

export function KbForm({ initial }: { initial: KbFormValues }) {
  const t = useTranslations("agentKb");
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(false);
  const idOf = (name: string) => `kb-${name}`;
  const { errors, error, reason, pending, run } = useAgentAction("agentKb", idOf);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const action = values.id ? updateKbArticleAction : createKbArticleAction;
    run(
      () => action(values),
      (data) => {
        setSaved(true);
        if (!values.id) router.push(`/agent/kennisbank/${data.id}`);
        else router.refresh();
      },
    );
  }
  const fieldMessage = (name: string) => <WorkspaceFieldError id={idOf(name)} errors={errors[name]} namespace="agentKb" />;
  const aria = (name: string, hintId?: string) => fieldAria(idOf(name), errors[name], hintId);

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <WorkspaceRefusal reason={reason} fieldErrors={errors} idOf={idOf} text={error} />
      {saved ? <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">{t("saved")}</p> : null}
      <div className="grid gap-3 md:grid-cols-3">
        <div>
          <label htmlFor="kb-kind" className="text-sm font-medium">{t("kind")}</label>
          <select id="kb-kind" value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value as KbFormValues["kind"] })} className={field}>
            <option value="ARTICLE">{t("kinds.ARTICLE")}</option>
            <option value="CALL_SCRIPT">{t("kinds.CALL_SCRIPT")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="kb-audience" className="text-sm font-medium">{t("audience")}</label>
          <select id="kb-audience" value={values.audience} onChange={(e) => setValues({ ...values, audience: e.target.value as KbFormValues["audience"] })} className={field}>
            <option value="INTERNAL">{t("audiences.INTERNAL")}</option>
            <option value="PUBLIC">{t("audiences.PUBLIC")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="kb-locale" className="text-sm font-medium">{t("locale")}</label>
          <select id="kb-locale" value={values.locale} onChange={(e) => setValues({ ...values, locale: e.target.value as KbFormValues["locale"] })} className={field}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </div>
      </div>
      <div>
        <label htmlFor="kb-question" className="text-sm font-medium">{t("question")}</label>
        <input id="kb-question" value={values.question} onChange={(e) => setValues({ ...values, question: e.target.value })} className={field} {...aria("question")} />
        {fieldMessage("question")}
      </div>
      <div>
        <label htmlFor="kb-answer" className="text-sm font-medium">{t("answer")}</label>
        <textarea id="kb-answer" rows={8} value={values.answer} onChange={(e) => setValues({ ...values, answer: e.target.value })} className={field} {...aria("answer")} />
        {fieldMessage("answer")}
      </div>
      <div>
        <label htmlFor="kb-tags" className="text-sm font-medium">{t("tags")}</label>
        <input id="kb-tags" value={values.tags} onChange={(e) => setValues({ ...values, tags: e.target.value })} className={field} {...aria("tags", "kb-tags-hint")} />
        <p id="kb-tags-hint" className="mt-1 text-xs text-slate-600">{t("tagsHint")}</p>
        {fieldMessage("tags")}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.published} onChange={(e) => setValues({ ...values, published: e.target.checked })} /> {t("published")}
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
