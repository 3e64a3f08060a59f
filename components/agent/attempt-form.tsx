"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { logAttemptAction } from "@/lib/workspace/callback-actions";
import { useErrorText } from "./use-action-errors";

const OUTCOMES = ["REACHED", "NO_ANSWER", "VOICEMAIL", "BUSY", "WRONG_NUMBER"] as const;

export function AttemptForm({ appointmentId, label }: { appointmentId: string; label: string }) {
  const t = useTranslations("agentCallbacks");
  const errorText = useErrorText("agentCallbacks");
  const router = useRouter();
  const [outcome, setOutcome] = useState<string>("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const id = `att-${appointmentId}`;
  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    start(async () => {
      const result = await logAttemptAction({ appointmentId, outcome, note }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
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
        <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm">
          <option value="">—</option>
          {OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome.${o}`)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="text-xs font-medium">{t("note")}</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("save")}</button>
      {error ? <p role="alert" className="text-sm text-red-700 md:col-span-3">{error}</p> : null}
      {saved ? <p role="status" className="text-sm text-emerald-800 md:col-span-3">{t("saved")}</p> : null}
    </form>
  );
}
