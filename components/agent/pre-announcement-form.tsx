"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { logPreAnnouncementAction } from "@/lib/phone/actions";
import { PHONE_CODES } from "./call-form";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";
import { useAgentAction } from "./use-action-errors";

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
const EMPTY = { organisationId: "", callerName: "", subject: "", reason: "", forWhom: "", handedOverToId: "" };

export function PreAnnouncementForm({ organisations, handlers, defaults }: { organisations: { id: string; name: string; externalNumber: string }[]; handlers: { id: string; name: string }[]; defaults?: { organisationId?: string; callerName?: string } }) {
  const t = useTranslations("agentPhone");
  const router = useRouter();
  const [values, setValues] = useState({ ...EMPTY, ...defaults });
  const [saved, setSaved] = useState(false);
  const idOf = (name: string) => `pre-${name}`;
  const { errors, error, reason, pending, run } = useAgentAction("agentPhone", idOf);
  const problem = (name: string) => <WorkspaceFieldError id={idOf(name)} errors={errors[name]} namespace="agentPhone" extraCodes={PHONE_CODES} />;
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValues({ ...values, [key]: e.target.value });
  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    run(
      () => logPreAnnouncementAction(values),
      () => {
        setSaved(true);
        setValues({ ...EMPTY, ...defaults });
        router.refresh();
      },
    );
  }
  const input = (name: "callerName" | "subject" | "forWhom", label: string) => (
    <div>
      <label htmlFor={`pre-${name}`} className="text-sm font-medium">{label}</label>
      <input id={`pre-${name}`} value={values[name]} onChange={set(name)} className={field} {...fieldAria(idOf(name), errors[name])} />
      {problem(name)}
    </div>
  );
  const select = (name: "organisationId" | "handedOverToId", label: string, items: { id: string; name: string }[]) => (
    <div>
      <label htmlFor={`pre-${name}`} className="text-sm font-medium">{label}</label>
      <select id={`pre-${name}`} value={values[name]} onChange={set(name)} className={field} {...fieldAria(idOf(name), errors[name])}>
        <option value="">{t("choose")}</option>
        {items.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
      </select>
      {problem(name)}
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="pre-heading">
      <h2 id="pre-heading" className="text-lg font-semibold">{t("pre")}</h2>
      <p className="text-sm text-slate-700">{t("preIntro")}</p>
      <WorkspaceRefusal reason={reason} fieldErrors={errors} idOf={idOf} text={error} />
      {saved ? <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">{t("preSaved")}</p> : null}
      {select("organisationId", t("organisation"), organisations.map((o) => ({ id: o.id, name: `${o.name} (${o.externalNumber})` })))}
      {input("callerName", t("callerName"))}
      {input("subject", t("subject"))}
      <div>
        <label htmlFor="pre-reason" className="text-sm font-medium">{t("reason")}</label>
        <textarea id="pre-reason" rows={3} value={values.reason} onChange={set("reason")} className={field} {...fieldAria("pre-reason", errors.reason)} />
        {problem("reason")}
      </div>
      {input("forWhom", t("forWhom"))}
      {select("handedOverToId", t("handover"), handlers)}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("preSave")}</button>
    </form>
  );
}
