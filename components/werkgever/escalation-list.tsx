import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { ConfirmationSlot } from "@/components/ui/page-confirmation";
import { Tier2Form } from "./escalation-forms";

export interface EscalationView {
  id: string;
  tier: number;
  status: "OPEN" | "RESOLVED" | "MOVED_UP";
  dueAt: Date;
  raisedAt: Date;
  outcome: string | null;
  /** What the employer wrote when raising it, and who did. */
  reason: string;
  raisedBy: { name: string };
  closedAt: Date | null;
  owner: { name: string } | null;
  ticket?: { number: string; subject: string } | null;
  next?: { id: string } | null;
  answers?: { id: string; body: string; createdAt: Date; author: { name: string } }[];
}

/**
 * Each escalation with tier, owner, due time and outcome; tier 1 offers the step to tier 2.
 * `onQuestion`: the list stands on the question's own page, so it names no question (and an
 * escalation there is never a general concern).
 */
export async function EscalationList({ items, now, allowTier2, onQuestion = false }: { items: EscalationView[]; now: Date; allowTier2: boolean; onQuestion?: boolean }) {
  const t = await getTranslations("werkgever.escalation");
  const format = await getFormatter();
  if (items.length === 0) return <p className="text-slate-600">{t("none")}</p>;
  const when = (d: Date) => `${format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })} (${format.relativeTime(d, now)})`;
  return (
    <ul className="space-y-3">
      {items.map((e) => (
        <li key={e.id} data-testid="escalation" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="font-semibold">
            {t("tierLabel", { tier: e.tier })} · {t(`status.${e.status}`)}
            {onQuestion ? null : e.ticket ? (
              <>
                {" · "}
                <Link href={`/werkgever/vragen/${e.ticket.number}`} className="underline">{e.ticket.number}</Link>
              </>
            ) : (
              ` · ${t("general")}`
            )}
          </p>
          <p className="mt-2 text-sm">
            <span className="text-slate-600">{t("reasonBy", { name: e.raisedBy.name })}: </span>
            <span data-testid="escalation-reason" className="whitespace-pre-wrap">{e.reason}</span>
          </p>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            <div><dt className="inline text-slate-600">{t("owner")}: </dt><dd className="inline">{e.owner?.name ?? "—"}</dd></div>
            <div><dt className="inline text-slate-600">{t("raisedAt")}: </dt><dd className="inline">{when(e.raisedAt)}</dd></div>
            <div><dt className="inline text-slate-600">{t("dueAt")}: </dt><dd className="inline">{when(e.dueAt)}</dd></div>
            <div><dt className="inline text-slate-600">{t("outcome")}: </dt><dd className="inline whitespace-pre-wrap">{e.outcome ?? t("noOutcome")}</dd></div>
          </dl>
          {e.answers?.map((a) => (
            <div key={a.id} data-testid="escalation-answer" className="mt-3 rounded border-l-4 border-brand-600 bg-brand-50 p-3 text-sm">
              <p className="text-xs text-slate-600">{t("answeredBy", { name: a.author.name, when: when(a.createdAt) })}</p>
              <p className="mt-1 whitespace-pre-wrap">{a.body}</p>
            </div>
          ))}
          {allowTier2 && e.tier === 1 && e.status !== "MOVED_UP" && !e.next ? <Tier2Form escalationId={e.id} /> : null}
          <ConfirmationSlot slot={e.id} className="mt-3" />
        </li>
      ))}
    </ul>
  );
}
