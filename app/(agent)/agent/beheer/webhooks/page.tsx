import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { CreateWebhookForm, DeleteWebhookButton } from "@/components/webhooks/webhook-forms";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { listWebhookEndpoints } from "@/lib/webhooks/queries";

export const generateMetadata = pageTitle("admin.webhooks");

async function WebhooksPage() {
  const user = await requirePermission("integrations.manage", "/agent/beheer/webhooks");
  const [t, format, endpoints] = await Promise.all([getTranslations("webhooks"), getFormatter(), listWebhookEndpoints(user)]);
  const now = new Date();
  const when = (date: Date) => `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} (${format.relativeTime(date, now)})`;
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <CreateWebhookForm allowLocalHttp={process.env.NODE_ENV !== "production"} />
      {endpoints.length === 0 ? (
        <EmptyState>{t("list.empty")}</EmptyState>
      ) : (
        <DataTable caption={t("list.caption")} columns={[{ label: t("list.url") }, { label: t("list.events") }, { label: t("list.status") }, { label: t("list.queue") }, { label: t("list.actions") }]}>
          {endpoints.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top" data-testid="webhook-row">
              <td className="px-3 py-2">
                <Link href={`/agent/beheer/webhooks/${e.id}`} className="break-all font-medium">
                  {e.url}
                </Link>
                {e.description ? <span className="block text-xs text-slate-600">{e.description}</span> : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {e.eventTypes.map((type) => (
                  <code key={type} className="block">
                    {type}
                  </code>
                ))}
              </td>
              <td className="px-3 py-2 text-sm">
                {e.pausedAt ? (
                  <span className="font-semibold text-red-700">{t(e.pausedReason === "FAILING" ? "status.pausedFailing" : "status.paused", { when: when(e.pausedAt) })}</span>
                ) : (
                  t("status.active")
                )}
                {!e.pausedAt && e.failingSince ? <span className="block text-xs text-red-700">{t("status.failingSince", { when: when(e.failingSince) })}</span> : null}
              </td>
              <td className="px-3 py-2 text-sm">{t("list.counts", { pending: e.pending, failed: e.failed })}</td>
              <td className="space-y-1 px-3 py-2">
                <Link href={`/agent/beheer/webhooks/${e.id}`} className="block text-sm">
                  {t("list.log")}
                </Link>
                <DeleteWebhookButton endpointId={e.id} url={e.url} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/webhooks", WebhooksPage);
