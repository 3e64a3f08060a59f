"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { changeAction } from "@/lib/workspace/actions";
import { useErrorText } from "./use-action-errors";

interface Props {
  ticketId: string;
  current: { status: string; categoryKey: string; teamId: string | null; assigneeId: string | null; priority: string };
  teams: { id: string; name: string }[];
  categories: { key: string; name: string }[];
  staff: { id: string; name: string }[];
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

export function ChangeForm({ ticketId, current, teams, categories, staff }: Props) {
  const t = useTranslations();
  const errorText = useErrorText("agentTicket");
  const router = useRouter();
  const [values, setValues] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLSelectElement>) => setValues({ ...values, [key]: e.target.value || null });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    start(async () => {
      // A team is chosen, never cleared: a ticket without one is in nobody's queue.
      const result = await changeAction({ ticketId, ...values, teamId: values.teamId ?? undefined }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="change-heading">
      <h2 id="change-heading" className="text-lg font-semibold">
        {t("agentTicket.change")}
      </h2>
      <div>
        <label htmlFor="c-status" className="text-sm font-medium">{t("tickets.status")}</label>
        <select id="c-status" value={values.status} onChange={set("status")} className={field}>
          {["NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"].map((s) => (
            <option key={s} value={s}>{t(`staffStatus.${s}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="c-priority" className="text-sm font-medium">{t("tickets.priority")}</label>
        <select id="c-priority" value={values.priority} onChange={set("priority")} className={field}>
          {["NORMAL", "HIGH", "URGENT"].map((s) => (
            <option key={s} value={s}>{t(`priority.${s}`)}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="c-category" className="text-sm font-medium">{t("tickets.category")}</label>
        <select id="c-category" value={values.categoryKey} onChange={set("categoryKey")} className={field}>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>{c.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="c-team" className="text-sm font-medium">{t("tickets.team")}</label>
        <select id="c-team" value={values.teamId ?? ""} onChange={set("teamId")} className={field}>
          {current.teamId === null ? <option value="">—</option> : null}
          {teams.map((x) => (
            <option key={x.id} value={x.id}>{x.name}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="c-assignee" className="text-sm font-medium">{t("tickets.assignee")}</label>
        <select id="c-assignee" value={values.assigneeId ?? ""} onChange={set("assigneeId")} className={field}>
          <option value="">{t("tickets.unassigned")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </div>
      {error ? <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
      {saved ? <p role="status" className="text-sm text-emerald-800">{t("agentTicket.saved")}</p> : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("agentTicket.save")}
      </button>
    </form>
  );
}
