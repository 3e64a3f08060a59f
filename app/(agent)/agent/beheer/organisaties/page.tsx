import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { OrganisationForm } from "@/components/org-admin/organisation-form";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listOrganisations, listOrganisationStaffOptions } from "@/lib/org-admin/queries";
import { parseOrgListFilter, type OrgListFilter } from "@/lib/org-admin/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.organisations");

export const dynamic = "force-dynamic";

const PATH = "/agent/beheer/organisaties";
const control = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2";

/** The list's URL with the same filter on another page. */
function pageHref(filter: OrgListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.active !== null) params.set("active", filter.active ? "yes" : "no");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${PATH}?${query}` : PATH;
}

async function OrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("organisations.manage", PATH);
  const filter = parseOrgListFilter(await searchParams);
  const [t, list, people] = await Promise.all([getTranslations("orgAdmin"), listOrganisations(user, filter), listOrganisationStaffOptions(user)]);
  const filtered = filter.q !== "" || filter.kind !== null || filter.active !== null;
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-8">
        <section aria-labelledby="org-filter-heading">
          <h2 id="org-filter-heading" className="sr-only">{t("filterTitle")}</h2>
          <form method="get" action={PATH} role="search" aria-label={t("filterTitle")} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="min-w-56 flex-1">
              <label htmlFor="org-q" className="block text-sm font-medium text-slate-800">{t("search")}</label>
              <input id="org-q" name="q" type="search" defaultValue={filter.q} className={control} />
            </div>
            <div>
              <label htmlFor="org-kind" className="block text-sm font-medium text-slate-800">{t("kind")}</label>
              <select id="org-kind" name="kind" defaultValue={filter.kind ?? ""} className={control}>
                <option value="">{t("kindAll")}</option>
                <option value="EMPLOYER">{t("kinds.EMPLOYER")}</option>
                <option value="PARTNER">{t("kinds.PARTNER")}</option>
              </select>
            </div>
            <div>
              <label htmlFor="org-active" className="block text-sm font-medium text-slate-800">{t("status")}</label>
              <select id="org-active" name="active" defaultValue={filter.active === null ? "" : filter.active ? "yes" : "no"} className={control}>
                <option value="">{t("statusAll")}</option>
                <option value="yes">{t("statusActive")}</option>
                <option value="no">{t("statusInactive")}</option>
              </select>
            </div>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("apply")}</button>
            {filtered ? <Link href={PATH} className="py-2 text-brand-700 underline">{t("reset")}</Link> : null}
          </form>
        </section>

        <section aria-labelledby="org-list-heading">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="org-list-heading" className="text-lg font-semibold">{t("listTitle")}</h2>
            <p className="text-sm text-slate-600" role="status" data-testid="organisation-count">{t("count", { total: list.total })}</p>
          </div>
          {list.rows.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <DataTable
              caption={t("listTitle")}
              testId="organisation-table"
              columns={[{ label: t("columns.organisation") }, { label: t("columns.kind") }, { label: t("columns.csm") }, { label: t("columns.handler") }, { label: t("columns.contacts"), align: "right" }, { label: t("columns.status") }]}
            >
              {list.rows.map((o) => (
                <tr key={o.id} data-testid="organisation-row" className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link href={`${PATH}/${o.id}`} className="font-medium text-brand-700 underline">{o.name}</Link>
                    <span className="block text-slate-600">{o.externalNumber}</span>
                  </td>
                  <td className="px-3 py-2">
                    {t(`kinds.${o.kind}`)}
                    {o.isPartner ? <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900">{t("partnerBadge")}</span> : null}
                  </td>
                  <td className="px-3 py-2">{o.customerSuccessManager?.name ?? t("none")}</td>
                  <td className="px-3 py-2">{o.fixedCaseHandler?.name ?? t("none")}</td>
                  <td className="px-3 py-2 text-right">{o._count.memberships}</td>
                  <td className="px-3 py-2">{o.active ? t("statusActive") : <span className="font-semibold text-red-800">{t("statusInactive")}</span>}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {list.pages > 1 ? (
            <nav aria-label={t("pagination")} className="mt-3 flex items-center gap-4 text-sm">
              {list.page > 1 ? <Link href={pageHref(filter, list.page - 1)} className="text-brand-700 underline" rel="prev">{t("previous")}</Link> : null}
              <span aria-current="page">{t("pageOf", { page: list.page, pages: list.pages })}</span>
              {list.page < list.pages ? <Link href={pageHref(filter, list.page + 1)} className="text-brand-700 underline" rel="next">{t("next")}</Link> : null}
            </nav>
          ) : null}
        </section>

        <section aria-labelledby="org-create-heading" className="max-w-3xl">
          <h2 id="org-create-heading" className="text-lg font-semibold">{t("createTitle")}</h2>
          <p className="mb-3 text-sm text-slate-600">{t("createIntro")}</p>
          <OrganisationForm csms={people.csms} handlers={people.handlers} />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/organisaties", OrganisationsPage);
