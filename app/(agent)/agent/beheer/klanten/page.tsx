import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { CreateBeneficiaryForm } from "@/components/beneficiaries/beneficiary-forms";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { searchBeneficiaries } from "@/lib/beneficiaries/queries";
import { BENEFICIARIES_PAGE_SIZE, pageOf } from "@/lib/beneficiaries/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.beneficiaries");

export const dynamic = "force-dynamic";

const PATH = "/agent/beheer/klanten";

async function BeneficiariesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("beneficiaries.manage", PATH);
  const params = await searchParams;
  const q = (params.q ?? "").slice(0, 120);
  const page = pageOf(params.pagina);
  const now = new Date();
  const [t, format, { rows, total, capped }] = await Promise.all([getTranslations("peopleAdmin"), getFormatter(), searchBeneficiaries(user, q, page, now)]);
  // Past the count's cap the pager goes on while pages are full.
  const counted = Math.max(1, Math.ceil(total / BENEFICIARIES_PAGE_SIZE));
  const pages = capped ? Math.max(counted, page + (rows.length === BENEFICIARIES_PAGE_SIZE ? 1 : 0)) : counted;
  const pageHref = (n: number) => `${PATH}?${new URLSearchParams({ ...(q ? { q } : {}), pagina: String(n) })}`;
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="customers-heading" className="min-w-0">
          <h2 id="customers-heading" className="sr-only">{t("listTitle")}</h2>
          <form method="get" action={PATH} role="search" className="mb-4">
            <div className="flex flex-wrap items-end gap-2">
              <div className="grow">
                <label htmlFor="customer-search" className="block text-sm font-medium text-slate-800">{t("searchLabel")}</label>
                <input id="customer-search" name="q" type="search" defaultValue={q} aria-describedby="customer-search-hint" className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2" />
              </div>
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("search")}</button>
            </div>
            <p id="customer-search-hint" className="mt-1 text-xs text-slate-600">{t("searchHint")}</p>
          </form>
          <p className="mb-2 text-sm text-slate-600" role="status">{capped ? t("resultCountCapped", { total }) : t("resultCount", { total })}</p>
          {rows.length === 0 ? (
            <EmptyState>{t("resultCount", { total: 0 })}</EmptyState>
          ) : (
            <DataTable caption={t("listTitle")} testId="customers-table" columns={[{ label: t("columns.person") }, { label: t("columns.clientNumber") }, { label: t("columns.status") }, { label: t("columns.lastLogin") }]}>
              {rows.map((row) => (
                <tr key={row.id} data-testid="customer-row" className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link href={`${PATH}/${row.id}`} className="font-medium text-brand-700 underline">{row.name}</Link>
                    <span className="block text-slate-600">{row.email}</span>
                  </td>
                  <td className="px-3 py-2">{row.clientNumber ?? t("empty")}</td>
                  <td className="px-3 py-2">{t(`state.${row.state}`)}</td>
                  <td className="px-3 py-2">{row.lastLoginAt ? format.dateTime(row.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {pages > 1 ? (
            <nav aria-label={t("page", { page, pages })} className="mt-3 flex items-center gap-4 text-sm">
              {page > 1 ? <Link href={pageHref(page - 1)} className="text-brand-700 underline">{t("previous")}</Link> : null}
              <span>{t("page", { page, pages })}</span>
              {page < pages ? <Link href={pageHref(page + 1)} className="text-brand-700 underline">{t("next")}</Link> : null}
            </nav>
          ) : null}
        </section>
        <section aria-labelledby="create-heading">
          <h2 id="create-heading" className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
          <CreateBeneficiaryForm />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/klanten", BeneficiariesPage);
