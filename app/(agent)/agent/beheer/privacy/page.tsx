import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { PlaceHoldForm, ReleaseHoldButton } from "@/components/privacy/hold-forms";
import { RetentionForm } from "@/components/privacy/retention-form";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { loadPrivacyOverview, searchPeople } from "@/lib/privacy/queries";
import { MINIMUM_MONTHS, RETENTION_CLASSES, RETENTION_EFFECT } from "@/lib/privacy/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.privacy");

export const dynamic = "force-dynamic";

async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("privacy.manage", "/agent/beheer/privacy");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 120) : "";
  const now = new Date();
  const [t, tr, format, overview, people] = await Promise.all([getTranslations("privacyAdmin"), getTranslations("roles"), getFormatter(), loadPrivacyOverview(user), searchPeople(user, q)]);
  if (!overview) return null;
  const { settings, lastSweep, holds } = overview;
  const rows = RETENTION_CLASSES.map((cls) => ({
    cls,
    amount: settings[cls].amount,
    unit: settings[cls].unit,
    minimumMonths: MINIMUM_MONTHS[cls],
    effect: RETENTION_EFFECT[cls],
    lastCount: lastSweep ? lastSweep.figures[cls] : null,
  }));
  const when = (date: Date) => (
    <>
      {format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}
      <span className="block text-slate-600">{format.relativeTime(date, now)}</span>
    </>
  );
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-10">
        <section aria-labelledby="retention-heading">
          <h2 id="retention-heading" className="mb-1 text-lg font-semibold">{t("retentionTitle")}</h2>
          <p className="mb-3 max-w-prose text-sm text-slate-600" data-testid="last-sweep">
            {lastSweep
              ? t("lastSweep", {
                  at: format.dateTime(new Date(lastSweep.at), { dateStyle: "medium", timeStyle: "short" }),
                  attachments: lastSweep.figures.attachments,
                  files: lastSweep.figures.files,
                  held: lastSweep.figures.skippedHeld,
                })
              : t("noSweepYet")}
            {lastSweep && lastSweep.figures.filesFailed > 0 ? <strong className="block text-red-800">{t("filesFailed", { count: lastSweep.figures.filesFailed })}</strong> : null}
          </p>
          <RetentionForm rows={rows} />
        </section>

        <section aria-labelledby="holds-heading">
          <h2 id="holds-heading" className="mb-1 text-lg font-semibold">{t("holdsTitle")}</h2>
          <p className="mb-3 max-w-prose text-sm text-slate-600">{t("holdsIntro")}</p>
          <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
            {holds.length === 0 ? (
              <div className="self-start">
                <EmptyState>{t("noHolds")}</EmptyState>
              </div>
            ) : (
              <DataTable caption={t("holdsTitle")} testId="holds-table" columns={[{ label: t("columns.holdOn") }, { label: t("columns.reason") }, { label: t("columns.placed") }, { label: t("columns.status") }]}>
                {holds.map((h) => {
                  const what = h.ticket ? t("holdOnTicket", { number: h.ticket.number }) : h.user ? t("holdOnPerson", { name: h.user.name }) : t("holdOnOrganisation", { name: h.organisation?.name ?? "—" });
                  return (
                    <tr key={h.id} data-testid="hold-row" className="border-t border-slate-100 align-top">
                      <td className="px-3 py-2">
                        {h.user ? <Link href={`/agent/beheer/privacy/personen/${h.user.id}`} className="text-brand-700 underline">{what}</Link> : what}
                        {h.organisation ? <span className="block text-slate-600">{h.organisation.externalNumber}</span> : null}
                      </td>
                      <td className="px-3 py-2">{h.reason}</td>
                      <td className="px-3 py-2">
                        {when(h.placedAt)}
                        <span className="block text-slate-600">{h.placedBy.name}</span>
                      </td>
                      <td className="px-3 py-2">
                        {h.releasedAt ? t("releasedOn", { date: format.dateTime(h.releasedAt, { dateStyle: "medium" }) }) : <ReleaseHoldButton holdId={h.id} what={what} />}
                      </td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
            <div>
              <h3 className="mb-2 font-semibold">{t("placeHoldTitle")}</h3>
              <PlaceHoldForm />
            </div>
          </div>
        </section>

        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="mb-1 text-lg font-semibold">{t("peopleTitle")}</h2>
          <p className="mb-3 max-w-prose text-sm text-slate-600">{t("peopleIntro")}</p>
          <form method="get" role="search" aria-label={t("peopleTitle")} className="mb-4 flex max-w-xl items-end gap-2">
            <div className="grow">
              <label htmlFor="people-q" className="block text-sm font-medium text-slate-800">{t("search")}</label>
              <input id="people-q" name="q" type="search" defaultValue={q} className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2" />
            </div>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("searchButton")}</button>
          </form>
          {q.length >= 2 ? (
            people.length === 0 ? (
              <EmptyState>{t("noPeople", { q })}</EmptyState>
            ) : (
              <DataTable caption={t("peopleTitle")} testId="people-table" columns={[{ label: t("columns.person") }, { label: t("columns.role") }, { label: t("columns.clientNumber") }, { label: t("columns.status") }]}>
                {people.map((p) => (
                  <tr key={p.id} data-testid="person-row" className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link href={`/agent/beheer/privacy/personen/${p.id}`} className="font-medium text-brand-700 underline">{p.name}</Link>
                      <span className="block text-slate-600">{p.email}</span>
                    </td>
                    <td className="px-3 py-2">{tr(p.role)}</td>
                    <td className="px-3 py-2">{p.clientNumber ?? "—"}</td>
                    <td className="px-3 py-2">{p.erasedAt ? t("erasedStatus") : p.active ? t("activeStatus") : t("inactiveStatus")}</td>
                  </tr>
                ))}
              </DataTable>
            )
          ) : q.trim().length > 0 ? (
            // One character finds nobody on purpose (too many match): say so, rather than nothing.
            <p className="text-sm text-slate-700" data-testid="people-too-short">{t("searchTooShort")}</p>
          ) : null}
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/privacy", PrivacyPage);
