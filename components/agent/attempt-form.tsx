"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { logAttemptAction } from "@/lib/workspace/callback-actions";
import { fieldAria, focusFirstBad, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";
import { useErrorText } from "./use-action-errors";

const OUTCOMES = ["REACHED", "NO_ANSWER", "VOICEMAIL", "BUSY", "WRONG_NUMBER"] as const;

export function AttemptForm({ appointmentId, label }: { appointmentId: string; label: string }) {
  const t = useTranslations("agentCallbacks");
  const errorText = useErrorText("agentCallbacks");
  const router = useRouter();
  const [outcome, setOutcome] = useState<string>("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ reason: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const id = `att-${appointmentId}`;
  const idOf = (field: string) => `${id}-${field}`;
  const errorsOf = (field: string) => refusal?.fieldErrors?.[field];
  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    start(async () => {
      const result = await logAttemptAction({ appointmentId, outcome, note }).catch((): { ok: false; reason: string; fieldErrors?: Record<string, string[]> } => ({ ok: false, reason: "UNEXPECTED" }));
      if (!result.ok) {
        setRefusal({ reason: result.reason, fieldErrors: result.fieldErrors });
        setError(errorText(result.reason));
        focusFirstBad(result.fieldErrors, idOf);
        return;
      }
      setRefusal(null);
      setError(null);
      setNote("");
      setOutcome("");
      setSaved(true);
      router.refresh();
    });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`${t("logAttempt")}: ${label}`} className="mt-2 grid gap-2 md:grid-cols-[12rem_1fr_auto] md:items-end">
      <div>
        <label htmlFor={`${id}-outcome`} className="text-xs font-medium">{t("outcomeLabel")}</label>
        <select id={`${id}-outcome`} {...fieldAria(`${id}-outcome`, errorsOf("outcome"))} value={outcome} onChange={(e) => setOutcome(e.target.value)} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm">
          <option value="">—</option>
          {OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome.${o}`)}</option>)}
        </select>
        <WorkspaceFieldError id={`${id}-outcome`} errors={errorsOf("outcome")} namespace="agentCallbacks" extraCodes={["CHOOSE_OUTCOME"]} />
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="text-xs font-medium">{t("note")}</label>
        <input id={`${id}-note`} {...fieldAria(`${id}-note`, errorsOf("note"))} value={note} onChange={(e) => setNote(e.target.value)} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm" />
        <WorkspaceFieldError id={`${id}-note`} errors={errorsOf("note")} namespace="agentCallbacks" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("save")}</button>
      <div className="md:col-span-3">
        <WorkspaceRefusal reason={refusal?.reason} fieldErrors={refusal?.fieldErrors} idOf={idOf} text={error} />
      </div>
      {saved ? <p role="status" className="text-sm text-emerald-800 md:col-span-3">{t("saved")}</p> : null}
    </form>
  );
}
