import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/agent/pager";
import { QueueFilters } from "@/components/agent/queue-filters";
import { QueuePoller } from "@/components/agent/queue-poller";
import { QueueTable } from "@/components/agent/queue-table";
import { TakeNextButton } from "@/components/agent/take-next-button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { parseQueueFilter } from "@/lib/queue/schema";
import { PAGE_SIZE, queueOptions, searchQueue } from "@/lib/tickets/queries";
import { toLastPageIfPast } from "@/lib/util/paging";
import { areaHomeTitle } from "@/lib/i18n/page-title";

export const generateMetadata = areaHomeTitle("agent", "agent.queue");

async function AgentQueue({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("workspace.ticket.read", "/agent");
  const filter = parseQueueFilter(await searchParams);
  const [t, result, options] = await Promise.all([getTranslations("agent"), searchQueue(user, filter), queueOptions(user)]);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (key !== "page" && typeof value === "string") params[key] = value;
  // Past the last page: to the last one. A capped count only says there is more, so it does not move.
  if (!result.capped) toLastPageIfPast(filter.page, result.total, PAGE_SIZE, (last) => `/agent?${new URLSearchParams({ ...params, ...(last > 0 ? { page: String(last) } : {}) }).toString()}`);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} actions={can(user, "workspace.ticket.take") ? <TakeNextButton /> : undefined} />
      <QueueFilters filter={filter} options={options} />
      <div className="mb-2 flex items-center justify-between">
        <p className="text-sm text-slate-700" data-testid="queue-total">
          {result.capped ? t("countCapped", { count: result.total }) : t("count", { count: result.total })}
        </p>
        <QueuePoller
          query={new URLSearchParams({ ...params, ...(filter.page > 0 ? { page: String(filter.page) } : {}) }).toString()}
          rendered={result.fingerprint}
        />
      </div>
      <QueueTable tickets={result.items} total={result.total} />
      <Pager page={result.page} pageCount={result.pageCount} params={params} basePath="/agent" />
    </>
  );
}

export default withPageMessages("app/(agent)/agent", AgentQueue);
