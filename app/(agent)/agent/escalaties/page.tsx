import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { EscalationControls } from "@/components/lead/escalations/escalation-card";
import { EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ConfirmationScope, ConfirmationSlot } from "@/components/ui/page-confirmation";
import { can, escalationTierPermission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listEscalationBoard } from "@/lib/escalations/desk-queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.escalations");

export const dynamic = "force-dynamic";

async function EscalationBoard({ searchParams }: { searchParams: Promise<{ tier?: string }> }) {
  const user = await requirePermission("escalations.board.read", "/agent/escalaties");
  const params = await searchParams;
  const tier: 1 | 2 = params.tier === "2" || (params.tier === undefined && can(user, "escalations.tier2.handle")) ? 2 : 1;
  const now = new Date();
  const [t, format, items] = await Promise.all([getTranslations("leadEscalations"), getFormatter(), listEscalationBoard(user, tier)]);
  const handles = can(user, escalationTierPermission(tier));
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("tiers")} className="mb-4 flex gap-2 text-sm">
        {([1, 2] as const).map((n) => (
          <Link key={n} href={`/agent/escalaties?tier=${n}`} aria-current={n === tier ? "page" : undefined} className="rounded border border-slate-300 bg-white px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold">
            {t("tierN", { tier: n })}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? <EmptyState>{t("none")}</EmptyState> : null}
      <ConfirmationScope>
        <ul className="space-y-3">
          {items.map((e) => {
            const overdue = e.status === "OPEN" && e.dueAt < now;
            return (
              <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">
                    {e.organisation.name}
                    {e.ticket ? (
                      <>
                        {" · "}
                        <Link href={`/agent/tickets/${e.ticket.id}`} className="font-mono text-sm">{e.ticket.number}</Link>
                      </>
                    ) : (
                      <span className="text-sm font-normal text-slate-600"> · {t("general")}</span>
                    )}
                  </h2>
                  <span className={overdue ? "rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900" : "rounded bg-slate-100 px-2 py-0.5 text-xs"}>
                    {t(`status.${e.status}`)}
                    {e.status === "OPEN" ? ` · ${t("due", { when: `${format.dateTime(e.dueAt, { dateStyle: "medium", timeStyle: "short" })} (${format.relativeTime(e.dueAt, now)})` })}` : ""}
                  </span>
                </div>
                <p className="mt-2 whitespace-pre-wrap text-sm">{e.reason}</p>
                <p className="mt-2 text-xs text-slate-600">
                  {t("raised", { name: e.raisedBy.name, when: format.dateTime(e.raisedAt, { dateStyle: "medium", timeStyle: "short" }) })} · {t("owner", { name: e.owner?.name ?? t("nobody") })}
                </p>
                {e.answers.length > 0 ? (
                  <section aria-label={t("answers")} className="mt-2 space-y-2">
                    {e.answers.map((a) => (
                      <div key={a.id} data-testid="escalation-answer" className="rounded border-l-4 border-brand-600 bg-brand-50 p-2 text-sm">
                        <p className="text-xs text-slate-600">{t("answeredBy", { name: a.author.name, when: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
                        <p className="mt-1 line-clamp-4 whitespace-pre-wrap">{a.body}</p>
                      </div>
                    ))}
                  </section>
                ) : null}
                {e.outcome ? <p className="mt-2 whitespace-pre-wrap rounded bg-slate-50 p-2 text-sm"><span className="font-medium">{t("outcome")}:</span> {e.outcome}</p> : null}
                {handles && e.status === "OPEN" ? <EscalationControls escalationId={e.id} canMoveUp={e.tier === 1} isOwner={e.owner?.id === user.id} csmInCopy={Boolean(e.organisation.customerSuccessManager?.active)} /> : null}
                <ConfirmationSlot slot={e.id} className="mt-3" />
              </li>
            );
          })}
        </ul>
      </ConfirmationScope>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/escalaties", EscalationBoard);
