import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { PauseWebhookButton, ResendWebhookButton, RotateWebhookSecretButton } from "@/components/webhooks/webhook-forms";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { recordTitle } from "@/lib/i18n/page-title";
import { DELIVERY_PAGE_SIZE, getWebhookEndpoint } from "@/lib/webhooks/queries";

// One read for the tab title (the endpoint's address) and the page.
const endpointFor = cache((user: SessionUser, id: string, page: number) => getWebhookEndpoint(user, id, page));

function pageOf(raw: string | undefined): number {
  return Math.max(0, Number.parseInt(raw ?? "0", 10) || 0);
}

export async function generateMetadata({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }): Promise<Metadata> {
  const [{ id }, { page }] = await Promise.all([params, searchParams]);
  return recordTitle("integrations.manage", (user) => endpointFor(user, id, pageOf(page)), (found) => `Webhook ${new URL(found.endpoint.url).host}`, "admin.webhook");
}

export const dynamic = "force-dynamic";

async function WebhookEndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const user = await requirePermission("integrations.manage", `/agent/beheer/webhooks/${id}`);
  const page = pageOf(query.page);
  const found = await endpointFor(user, id, page);
  if (!found) notFound();
  const { endpoint: e, deliveries, total } = found;
  const [t, format] = await Promise.all([getTranslations("webhooks"), getFormatter()]);
  const now = new Date();
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} (${format.relativeTime(date, now)})` : "—");
  const pages = Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/agent/beheer/webhooks">{t("back")}</Link>
      </p>
      <PageHeader title={e.url} intro={e.description ?? undefined} />
      <section aria-labelledby="webhook-settings" className="mb-6 space-y-3 rounded border border-slate-200 bg-white p-4 text-sm">
        <h2 id="webhook-settings" className="text-lg font-semibold">
          {t("settings")}
        </h2>
        <p>
          {t("list.events")}: {e.eventTypes.join(", ")}
        </p>
        <p data-testid="webhook-status">
          {e.pausedAt ? t(e.pausedReason === "FAILING" ? "status.pausedFailing" : "status.paused", { when: when(e.pausedAt) }) : t("status.active")}
          {!e.pausedAt && e.failingSince ? ` · ${t("status.failingSince", { when: when(e.failingSince) })}` : ""}
        </p>
        <p className="text-slate-600">{t("secretHidden")}</p>
        <div className="flex flex-wrap items-start gap-4">
          <PauseWebhookButton endpointId={e.id} paused={e.pausedAt !== null} />
          <RotateWebhookSecretButton endpointId={e.id} />
        </div>
      </section>
      <h2 className="mb-2 text-lg font-semibold">{t("log.heading")}</h2>
      {deliveries.length === 0 ? (
        <EmptyState>{t("log.empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("log.heading")}
          testId="webhook-log"
          columns={[{ label: t("log.created") }, { label: t("log.event") }, { label: t("log.status") }, { label: t("log.attempts") }, { label: t("log.last") }]}
        >
          {deliveries.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2">{when(d.createdAt)}</td>
              <td className="px-3 py-2">
                <code>{d.eventType}</code>
                <span className="block font-mono text-xs text-slate-600">{d.eventId}</span>
              </td>
              <td className="px-3 py-2">
                <span className={d.status === "FAILED" ? "font-semibold text-red-700" : undefined}>{t(`log.statuses.${d.status}`)}</span>
                {d.status === "DELIVERED" ? <span className="block text-xs text-slate-600">{when(d.deliveredAt)}</span> : null}
                {d.status === "PENDING" && d.attempts > 0 ? <span className="block text-xs text-slate-600">{t("log.nextAttempt", { when: when(d.nextAttemptAt) })}</span> : null}
              </td>
              <td className="px-3 py-2">
                {d.attempts}
                {d.status === "FAILED" ? (
                  <span className="mt-1 block">
                    <ResendWebhookButton deliveryId={d.id} />
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {d.lastAttemptAt ? when(d.lastAttemptAt) : "—"}
                {d.lastStatusCode !== null ? <span className="block">HTTP {d.lastStatusCode}</span> : null}
                {d.lastError ? <span className="block max-w-xs break-words text-red-700">{d.lastError}</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="mt-4 flex items-center gap-4 text-sm text-slate-600">
        {page > 0 ? <Link href={`/agent/beheer/webhooks/${e.id}?page=${page - 1}`}>{t("log.previous")}</Link> : null}
        <span>{t("log.pageOf", { page: page + 1, pages })}</span>
        {page + 1 < pages ? <Link href={`/agent/beheer/webhooks/${e.id}?page=${page + 1}`}>{t("log.next")}</Link> : null}
      </p>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/webhooks/[id]", WebhookEndpointPage);
