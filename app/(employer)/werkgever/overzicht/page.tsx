import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { OverviewFigures } from "@/components/employer-service/overview-figures";
import { OverviewList } from "@/components/employer-service/overview-list";
import { PeriodPicker } from "@/components/employer-service/period-picker";
import { pageFrom } from "@/components/werkgever/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { parsePeriod } from "@/lib/employer-service/period";
import { overviewCategories, overviewFigures, overviewList } from "@/lib/employer-service/queries";
import { OVERVIEW_PAGE_SIZE, overviewQuery, parseFilters } from "@/lib/employer-service/rules";
import { toLastPageIfPast } from "@/lib/util/paging";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.overview");

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function EmployerOverviewPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("employer.ticket.read", "/werkgever/overzicht");
  const params = await searchParams;
  const now = new Date();
  const t = await getTranslations("serviceOverview");
  const parsed = parsePeriod({ van: one(params.van), tot: one(params.tot) }, now);
  if (!parsed.ok) {
    return (
      <>
        <PageHeader title={t("title")} intro={t("intro")} />
        <PeriodPicker keys={parsed.keys} error={parsed.error} now={now} />
      </>
    );
  }
  const given = parseFilters(params);
  const page = pageFrom(one(params.pagina));
  // The figures do not depend on the filters: read beside the categories the filter needs.
  const [categories, figures] = await Promise.all([overviewCategories(user), overviewFigures(user, parsed.period, now)]);
  // A category the filter does not offer (a typed or stale address) filters nothing, as the
  // choice then shows "Alle": the list and its CSV link agree with what the form says.
  const filters = categories.some((c) => c.key === given.categoryKey) ? given : { ...given, categoryKey: undefined };
  const list = await overviewList(user, parsed.period, filters, page, now);
  toLastPageIfPast(page, list.total, OVERVIEW_PAGE_SIZE, (last) => `/werkgever/overzicht?${overviewQuery(parsed.keys, filters, last)}`);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <PeriodPicker keys={parsed.keys} error={null} now={now} />
      <OverviewFigures figures={figures} />
      <OverviewList keys={parsed.keys} filters={filters} categories={categories} items={list.items} total={list.total} page={page} />
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/overzicht", EmployerOverviewPage);
