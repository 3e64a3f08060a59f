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

type Field = keyof Props["current"];
const FIELDS: readonly Field[] = ["status", "priority", "categoryKey", "teamId", "assigneeId"];

export function ChangeForm({ ticketId, current, teams, categories, staff }: Props) {
  const t = useTranslations();
  const errorText = useErrorText("agentTicket");
  const router = useRouter();
  const [values, setValues] = useState(current);
  // What the page last showed: when it shows newer values (a take, a refresh after another tab's
  // change), the form starts from them, so it never sends back what it showed before.
  const [shown, setShown] = useState(current);
  if (FIELDS.some((f) => current[f] !== shown[f])) {
    setShown(current);
    setValues(current);
  }
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const set = (key: Field) => (e: React.ChangeEvent<HTMLSelectElement>) => setValues({ ...values, [key]: e.target.value || null });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    // Only what this person changed, with what the form showed for it: the server refuses the
    // change when the ticket no longer has that (CHANGED_MEANWHILE) rather than undo someone's work.
    const changed = FIELDS.filter((f) => values[f] !== shown[f]);
    if (changed.length === 0) {
      setError(t("agentTicket.nothingChanged"));
      return;
    }
    const change = Object.fromEntries(changed.map((f) => [f, values[f]]));
    const expected = Object.fromEntries(changed.map((f) => [f, shown[f]]));
    start(async () => {
      const result = await changeAction({ ticketId, ...change, expected }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) {
        setError(errorText(result.reason));
        // The page then shows the ticket as it is now; the form follows it.
        if (result.reason === "CHANGED_MEANWHILE") router.refresh();
        return;
      }
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
