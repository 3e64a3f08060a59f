"use client";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { logCallAction } from "@/lib/phone/actions";
import { fieldAria, WorkspaceFieldError, WorkspaceRefusal } from "./field-feedback";
import { useAgentAction } from "./use-action-errors";

interface Props {
  callerId: string | null;
  callerPhone: string | null;
  tickets: { id: string; number: string; subject: string }[];
  categories: { key: string; name: string; dossierSensitive: boolean }[];
  teams: { id: string; name: string }[];
  /** Bookable callback moments per team: value "yyyy-MM-dd|MORNING". */
  slots: Record<string, { value: string; label: string }[]>;
  /** A call the telephone platform drafted: completing it fills in that record. */
  draftCallId?: string | null;
}

// The codes agentPhone.fieldErrors translates besides REQUIRED, TOO_SHORT and TOO_LONG.
export const PHONE_CODES = ["INVALID_PHONE", "INVALID_DATE", "CHOOSE_CATEGORY", "CHOOSE_TEAM", "CHOOSE_MOMENT", "CHOOSE_ORGANISATION", "CHOOSE_HANDOVER"];

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";

export function CallForm({ callerId, callerPhone, tickets, categories, teams, slots, draftCallId = null }: Props) {
  const t = useTranslations("agentPhone");
  const router = useRouter();
  const known = callerId !== null;
  const [values, setValues] = useState({
    callerName: "",
    phone: callerPhone ?? "",
    ticketId: "",
    subject: "",
    categoryKey: categories.find((c) => !c.dossierSensitive)?.key ?? "",
    teamId: teams[0]?.id ?? "",
    summary: "",
    outcome: "RESOLVED" as "RESOLVED" | "OPEN" | "CALLBACK",
    callbackDate: "",
    callbackSlot: "MORNING" as "MORNING" | "AFTERNOON",
  });
  const [done, setDone] = useState<{ number: string; ticketId: string; callback: boolean } | null>(null);
  const idOf = (name: string) => `call-${name}`;
  const { errors, error, reason, pending, run } = useAgentAction("agentPhone", idOf);
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setValues({ ...values, [key]: e.target.value });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(null);
    const input = {
      callerId: callerId ?? undefined,
      callerName: known ? undefined : values.callerName || undefined,
      phone: values.phone || undefined,
      ticketId: values.ticketId || undefined,
      subject: values.ticketId ? undefined : values.subject,
      categoryKey: values.categoryKey,
      teamId: values.teamId,
      summary: values.summary,
      outcome: values.outcome,
      callbackDate: values.outcome === "CALLBACK" ? values.callbackDate || undefined : undefined,
      callbackSlot: values.outcome === "CALLBACK" ? values.callbackSlot : undefined,
      draftCallId: draftCallId ?? undefined,
    };
    run(
      () => logCallAction(input),
      (data) => {
        setDone({ number: data.number, ticketId: data.ticketId, callback: data.appointmentId !== null });
        setValues({ ...values, summary: "", subject: "", ticketId: "" });
        router.refresh();
      },
    );
  }
  const fieldMessage = (name: string) => <WorkspaceFieldError id={idOf(name)} errors={errors[name]} namespace="agentPhone" extraCodes={PHONE_CODES} />;
  const aria = (name: string) => fieldAria(idOf(name), errors[name]);
  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="call-heading">
      <h2 id="call-heading" className="text-lg font-semibold">{t("callForm")}</h2>
      {!known ? <p className="text-sm text-slate-700">{t("dossierWarning")}</p> : null}
      <WorkspaceRefusal reason={reason} fieldErrors={errors} idOf={idOf} text={error} />
      {done ? (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-900">
          {done.callback ? t("savedCallback", { number: done.number }) : t("saved", { number: done.number })}{" "}
          <Link href={`/agent/tickets/${done.ticketId}`} className="underline">{t("openTicketLink")}</Link>
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        {!known ? (
          <div>
            <label htmlFor="call-callerName" className="text-sm font-medium">{t("callerName")}</label>
            <input id="call-callerName" value={values.callerName} onChange={set("callerName")} className={field} {...aria("callerName")} />
            {fieldMessage("callerName")}
          </div>
        ) : null}
        <div>
          <label htmlFor="call-phone" className="text-sm font-medium">{t("phone")}</label>
          <input id="call-phone" type="tel" value={values.phone} onChange={set("phone")} className={field} {...aria("phone")} />
          {fieldMessage("phone")}
        </div>
      </div>
      {known && tickets.length > 0 ? (
        <div>
          <label htmlFor="call-ticketId" className="text-sm font-medium">{t("ticket")}</label>
          <select id="call-ticketId" value={values.ticketId} onChange={set("ticketId")} className={field}>
            <option value="">{t("newTicket")}</option>
            {tickets.map((x) => (
              <option key={x.id} value={x.id}>{x.number} · {x.subject}</option>
            ))}
          </select>
        </div>
      ) : null}
      {values.ticketId === "" ? (
        <div>
          <label htmlFor="call-subject" className="text-sm font-medium">{t("subject")}</label>
          <input id="call-subject" value={values.subject} onChange={set("subject")} className={field} {...aria("subject")} />
          {fieldMessage("subject")}
        </div>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="call-categoryKey" className="text-sm font-medium">{t("category")}</label>
          <select id="call-categoryKey" value={values.categoryKey} onChange={set("categoryKey")} className={field} {...aria("categoryKey")}>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>{c.name}</option>
            ))}
          </select>
          {fieldMessage("categoryKey")}
        </div>
        <div>
          <label htmlFor="call-teamId" className="text-sm font-medium">{t("team")}</label>
          <select id="call-teamId" value={values.teamId} onChange={set("teamId")} className={field} {...aria("teamId")}>
            {teams.map((x) => (
              <option key={x.id} value={x.id}>{x.name}</option>
            ))}
          </select>
          {fieldMessage("teamId")}
        </div>
      </div>
      <div>
        <label htmlFor="call-summary" className="text-sm font-medium">{t("summary")}</label>
        <textarea id="call-summary" rows={4} value={values.summary} onChange={set("summary")} className={field} {...aria("summary")} />
        {fieldMessage("summary")}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("outcome")}</legend>
        {/* A callback is booked for a known caller only: not offered until the caller is found. */}
        {(known ? (["RESOLVED", "OPEN", "CALLBACK"] as const) : (["RESOLVED", "OPEN"] as const)).map((o) => (
          <label key={o} className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" name="outcome" value={o} checked={values.outcome === o} onChange={() => setValues({ ...values, outcome: o })} /> {t(`outcomes.${o}`)}
          </label>
        ))}
        {!known ? <p className="mt-1 text-sm text-slate-600" data-testid="callback-needs-caller">{t("errors.CALLBACK_NEEDS_CALLER")}</p> : null}
      </fieldset>
      {values.outcome === "CALLBACK" ? (
        <div>
          <label htmlFor="call-callbackDate" className="text-sm font-medium">{t("callbackSlot")}</label>
          {(slots[values.teamId] ?? []).length === 0 ? <p className="text-sm text-slate-700">{t("noSlots")}</p> : null}
          <select
            id="call-callbackDate"
            value={values.callbackDate ? `${values.callbackDate}|${values.callbackSlot}` : ""}
            onChange={(e) => {
              const [date = "", slot = "MORNING"] = e.target.value.split("|");
              setValues({ ...values, callbackDate: date, callbackSlot: slot as "MORNING" | "AFTERNOON" });
            }}
            className={field}
            {...aria("callbackDate")}
          >
            <option value="">—</option>
            {(slots[values.teamId] ?? []).map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
          {fieldMessage("callbackDate")}
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("save")}
      </button>
    </form>
  );
}
