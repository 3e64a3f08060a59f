"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAgentAction } from "@/components/agent/use-action-errors";
import { relinkPreAnnouncementAction } from "@/lib/urgent/actions";

/** Correct a pre-announcement's match: unlink it, or link it to another urgent request of the organisation. */
export function RelinkForm(props: { preAnnouncementId: string; linked: boolean; candidates: { id: string; number: string; subject: string }[] }) {
  const t = useTranslations("urgentLink");
  const router = useRouter();
  const { error, pending, run } = useAgentAction("urgentLink");
  const [target, setTarget] = useState("");
  const id = `relink-${props.preAnnouncementId}`;
  const send = (ticketId: string | undefined) =>
    run(() => relinkPreAnnouncementAction({ preAnnouncementId: props.preAnnouncementId, ticketId }), () => {
      setTarget("");
      router.refresh();
    });
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      {props.linked ? (
        <button type="button" disabled={pending} onClick={() => send(undefined)} className="rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
          {t("unlink")}
        </button>
      ) : null}
      {props.candidates.length > 0 ? (
        <form onSubmit={(e) => { e.preventDefault(); if (target) send(target); }} className="flex min-w-0 max-w-full flex-wrap items-end gap-2">
          {/* A select is as wide as its longest option (a long subject): here it may not be wider than the screen. */}
          <div className="min-w-0 max-w-full">
            <label htmlFor={id} className="block text-xs font-medium">{t("choose")}</label>
            <select id={id} value={target} onChange={(e) => setTarget(e.target.value)} className="mt-1 w-full max-w-full truncate rounded border border-slate-400 bg-white px-2 py-1 text-sm">
              <option value="">—</option>
              {props.candidates.map((c) => <option key={c.id} value={c.id}>{c.number} · {c.subject}</option>)}
            </select>
          </div>
          <button type="submit" disabled={pending || !target} className="rounded bg-brand-700 px-2 py-1 text-sm font-semibold text-white disabled:opacity-60">{t("link")}</button>
        </form>
      ) : null}
      {error ? <p role="alert" className="w-full text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
