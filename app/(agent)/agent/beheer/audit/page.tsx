import { withPageMessages } from "@/components/layout/place-messages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditFilterForm, type AuditFilterValues } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { loadAuditLog } from "@/lib/audit-log/load";
import { encodeCursor } from "@/lib/audit-log/rules";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.audit");

export const dynamic = "force-dynamic";

const FILTER_KEYS = ["person", "ticket", "organisation", "action", "from", "to"] as const;

function queryOf(values: AuditFilterValues, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key]) q.set(key, values[key]);
  for (const [key, value] of Object.entries(extra)) q.set(key, value);
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit.read", "/agent/beheer/audit");
  const params = await searchParams;
  const now = new Date();
  const data = await loadAuditLog(user, params);
  if (!data.ok && data.reason === "FORBIDDEN") notFound();
  const t = await getTranslations("auditLog");
  const label = (code: string) => (t.has(`actions.${code}`) ? t(`actions.${code}`) : code);
  const values: AuditFilterValues = data.ok ? data.resolved.filter : data.raw;
  const actions = data.actions.map((code) => ({ code, label: label(code) }));

  const notes: string[] = [];
  if (data.ok) {
    const { resolved } = data;
    if (resolved.people) {
      notes.push(resolved.people.length ? t("matchedPeople", { names: resolved.people.map((p) => (p.email ? `${p.name} (${p.email})` : p.name)).join(", ") }) : t("noPerson", { query: values.person ?? "" }));
      if (resolved.peopleTruncated) notes.push(t("tooManyMatches"));
    }
    if (resolved.ticket === null) notes.push(t("noTicket", { query: values.ticket ?? "" }));
    if (resolved.organisations) {
      notes.push(resolved.organisations.length ? t("matchedOrganisations", { names: resolved.organisations.map((o) => `${o.name} (${o.externalNumber})`).join(", ") }) : t("noOrganisation", { query: values.organisation ?? "" }));
      if (resolved.organisationsTruncated) notes.push(t("tooManyMatches"));
    }
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          data.ok ? (
            <div className="text-right">
              <a href={`/agent/beheer/audit/export${queryOf(values)}`} className="text-sm font-medium" data-testid="audit-csv">{t("csv")}</a>
              <p className="mt-1 max-w-xs text-xs text-slate-600">{t("csvHint")}</p>
            </div>
          ) : null
        }
      />
      <AuditFilterForm values={values} actions={actions} error={data.ok ? null : t(`errors.${data.reason}`)} />
      {data.ok ? (
        <section aria-labelledby="audit-heading">
          <h2 id="audit-heading" className="mb-2 text-lg font-semibold">{t("listTitle")}</h2>
          {notes.length > 0 ? (
            <ul className="mb-3 space-y-1 text-sm text-slate-700" data-testid="audit-notes">
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
          <AuditTable rows={data.page.rows} now={now} personHref={(email) => `/agent/beheer/audit${queryOf({ person: email })}`} />
          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
            <span className="text-slate-600">{t("pageInfo", { count: data.page.rows.length })}</span>
            {data.page.newer ? (
              <>
                <a href={`/agent/beheer/audit${queryOf(values)}`}>{t("newest")}</a>
                <a href={`/agent/beheer/audit${queryOf(values, { cursor: encodeCursor(data.page.newer), dir: "newer" })}`} rel="prev">{t("newer")}</a>
              </>
            ) : null}
            {data.page.older ? (
              <a href={`/agent/beheer/audit${queryOf(values, { cursor: encodeCursor(data.page.older), dir: "older" })}`} rel="next" data-testid="audit-older">{t("older")}</a>
            ) : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/audit", AuditLogPage);
