import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { ANSWERED_LATE_DAYS, loadAnsweredLate, loadSlaMonitor, type MonitorItem } from "@/lib/sla/monitor";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.sla");

export const dynamic = "force-dynamic";

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()];
}

async function SlaMonitorPage({ searchParams }: { searchParams: Promise<{ weergave?: string | string[] }> }) {
  const user = await requirePermission("sla.monitor.read", "/agent/sla");
  const now = new Date();
  // Answered-late questions only when asked for: the monitor itself lists clocks still running.
  const showLate = (await searchParams).weergave === "laat-beantwoord";
  const [t, format, items, late] = await Promise.all([
    getTranslations("leadSla"),
    getFormatter(),
    loadSlaMonitor(user, now),
    showLate ? loadAnsweredLate(user, now) : Promise.resolve([]),
  ]);
  const noTeam = t("noTeam");
  const byTeam = groupBy(items, (i) => i.teamName ?? noTeam);
  const byOwner = groupBy(items, (i) => i.ownerName ?? t("unassigned")).sort((a, b) => b[1].length - a[1].length);
  const breached = items.filter((i) => i.state === "BREACHED").length;

  const row = (item: MonitorItem, index: number) => (
    <tr key={`${item.kind}-${item.reference}-${index}`} className="border-t border-slate-100">
      <td className="px-3 py-2">
        <span className={item.state === "BREACHED" ? "rounded bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900" : "rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"}>
          {t(`states.${item.state}`)}
        </span>
      </td>
      <td className="px-3 py-2">{t(`kinds.${item.kind}`)}</td>
      <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
        {item.ticketId ? <Link href={`/agent/tickets/${item.ticketId}`}>{item.reference}</Link> : item.reference}
      </td>
      <td className="px-3 py-2">{item.label}</td>
      <td className="px-3 py-2">{item.ownerName ?? t("unassigned")}</td>
      <td className="whitespace-nowrap px-3 py-2">
        {format.dateTime(item.dueAt, { dateStyle: "medium", timeStyle: "short" })}
        <span className="block text-xs text-slate-600">{format.relativeTime(item.dueAt, now)}</span>
      </td>
    </tr>
  );

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <p className="mb-1 text-sm text-slate-700" role="status">
        {t("counts", { total: items.length, breached })}
      </p>
      <p className="mb-4 text-sm text-slate-600">
        {t("notListed")}{" "}
        <Link href={showLate ? "/agent/sla" : "/agent/sla?weergave=laat-beantwoord"}>{showLate ? t("answeredLateHide") : t("answeredLateLink", { days: ANSWERED_LATE_DAYS })}</Link>
      </p>
      {showLate ? (
        <section aria-labelledby="answered-late-heading" className="mb-8" data-testid="answered-late">
          <h2 id="answered-late-heading" className="mb-2 text-lg font-semibold">{t("answeredLateTitle", { days: ANSWERED_LATE_DAYS })}</h2>
          {late.length === 0 ? (
            <EmptyState>{t("answeredLateNone")}</EmptyState>
          ) : (
            <DataTable caption={t("answeredLateCaption")} columns={(["reference", "subject", "owner", "due"] as const).map((c) => ({ label: t(`columns.${c}`) })).concat({ label: t("answeredAt") })}>
              {late.map((item) => (
                <tr key={item.ticketId} className="border-t border-slate-100">
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs"><Link href={`/agent/tickets/${item.ticketId}`}>{item.reference}</Link></td>
                  <td className="px-3 py-2">{item.label}</td>
                  <td className="px-3 py-2">{item.ownerName ?? t("unassigned")}</td>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(item.dueAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(item.answeredAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ) : null}
      {items.length === 0 ? (
        <EmptyState>{t("allOnTrack")}</EmptyState>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="owners-heading">
            <h2 id="owners-heading" className="mb-2 text-lg font-semibold">{t("byOwner")}</h2>
            <ul className="flex flex-wrap gap-2 text-sm">
              {byOwner.map(([owner, list]) => (
                <li key={owner} className="rounded border border-slate-200 bg-white px-3 py-1">
                  {owner}: <span className="font-semibold">{list.length}</span>
                </li>
              ))}
            </ul>
          </section>
          {byTeam.map(([team, list]) => (
            <section key={team} aria-labelledby={`team-${team}`}>
              <h2 id={`team-${team}`} className="mb-2 text-lg font-semibold">
                {team} <span className="text-sm font-normal text-slate-600">({list.length})</span>
              </h2>
              <DataTable
                caption={t("tableCaption", { team })}
                columns={(["state", "kind", "reference", "subject", "owner", "due"] as const).map((c) => ({ label: t(`columns.${c}`) }))}
              >
                {list.map(row)}
              </DataTable>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/sla", SlaMonitorPage);
