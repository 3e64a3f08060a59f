"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatLimit, parseErrorCode } from "@/lib/forms/error-code";
import { useState } from "react";
import { useAgentAction } from "@/components/agent/use-action-errors";
import { recordVerificationAction } from "@/lib/urgent/actions";

const OUTCOMES = ["CONFIRMED", "NOT_URGENT", "NOT_REACHED"] as const;

/** The flag on an urgent mail nobody announced by phone, with the confirming call's outcome form. */
export function VerificationPanel(props: { ticketId: string; state: "PENDING" | "NOT_REACHED"; lastAttempt: string | null; mayRecord: boolean }) {
  const t = useTranslations("urgentVerify");
  const router = useRouter();
  // Focus goes to the first refused field (verify-outcome, verify-note).
  const { errors, error, pending, run } = useAgentAction("urgentVerify", (field) => `verify-${field}`);
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const locale = useLocale();
  // Every refused field at once, each in the words of its own code ("TOO_LONG:2000" names the limit).
  const fieldText = (raw: string) => {
    const { code, limit } = parseErrorCode(raw);
    return t.has(`errors.${code}`) ? t(`errors.${code}`, { limit: limit === undefined ? "" : formatLimit(limit, locale) }) : null;
  };
  const outcomeError = errors.outcome?.[0];
  const noteError = errors.note?.[0];
  const fieldMessages = [outcomeError, noteError].flatMap((raw) => (raw ? [fieldText(raw)].filter((m): m is string => m !== null) : []));
  function submit(event: React.FormEvent) {
    event.preventDefault();
    run(() => recordVerificationAction({ ticketId: props.ticketId, outcome, note }), () => {
      setOutcome("");
      setNote("");
      router.refresh();
    });
  }
  return (
    <section aria-labelledby="urgent-verify-heading" data-testid="urgent-verify" className="rounded-lg border-2 border-red-300 bg-red-50 p-4">
      <h2 id="urgent-verify-heading" className="text-lg font-semibold text-red-900">{t("title")}</h2>
      <p className="mt-1 font-medium text-red-900">{t("instruction")}</p>
      {props.state === "NOT_REACHED" ? <p className="mt-1 text-sm">{t("state.NOT_REACHED")}{props.lastAttempt ? ` · ${t("lastAttempt", { when: props.lastAttempt })}` : ""}</p> : null}
      {props.mayRecord ? (
        <form onSubmit={submit} noValidate className="mt-3 grid gap-2 md:grid-cols-[16rem_1fr_auto] md:items-end">
          <div>
            <label htmlFor="verify-outcome" className="text-sm font-medium">{t("outcomeLabel")}</label>
            <select id="verify-outcome" value={outcome} aria-invalid={outcomeError ? true : undefined} aria-describedby={outcomeError ? "verify-error" : undefined} onChange={(e) => setOutcome(e.target.value)} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm">
              <option value="">—</option>
              {OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome.${o}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="verify-note" className="text-sm font-medium">{t("note")}</label>
            <input id="verify-note" value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={noteError ? "verify-note-hint verify-error" : "verify-note-hint"} aria-invalid={noteError ? true : undefined} className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm" />
            <p id="verify-note-hint" className="text-xs text-slate-700">{t("noteHint")}</p>
          </div>
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("save")}</button>
          {error || fieldMessages.length > 0 ? (
            <p id="verify-error" role="alert" className="text-sm text-red-700 md:col-span-3">{fieldMessages.length > 0 ? fieldMessages.join(" ") : error}</p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
