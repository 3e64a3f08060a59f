import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { MarkAllReadButton, NotificationLink } from "@/components/notifications/inbox-controls";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listNotifications, notificationTotal } from "@/lib/notifications/queries";
import { isNotificationKind, pageCount, pageOf, type NotificationData } from "@/lib/notifications/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.notifications");

export const dynamic = "force-dynamic";

/** The message key of an item's title: its kind, an overdue complaint its own. */
function titleKey(kind: string, data: NotificationData): string {
  if (kind === "complaint.stage_due" && data.state === "OVERDUE") return "complaint.stage_overdue";
  return isNotificationKind(kind) ? kind : "other";
}

async function NotificationsPage({ searchParams }: { searchParams: Promise<{ pagina?: string }> }) {
  const user = await requirePermission("account.notifications.manage", "/agent/meldingen");
  const now = new Date();
  const { pagina } = await searchParams;
  // The page number is clamped to what exists, so the count comes first.
  const page = pageOf(pagina, await notificationTotal(user.id));
  const [t, tk, format, list] = await Promise.all([getTranslations("notifyInbox"), getTranslations("notifyKinds"), getFormatter(), listNotifications(user.id, page)]);
  const pages = pageCount(list.total);
  const reference = (data: NotificationData) =>
    [data.number, data.subject, data.organisation, data.tier ? t("tier", { tier: data.tier }) : null, data.stage ? t("stage", { stage: data.stage }) : null]
      .filter((part): part is string => Boolean(part))
      .join(" · ");
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link href="/agent/meldingen/voorkeuren" className="text-sm">
              {t("preferencesLink")}
            </Link>
            {/* Shown while the inbox has items, so its confirmation stays on screen once nothing is unread. */}
            {list.total > 0 ? <MarkAllReadButton /> : null}
          </div>
        }
      />
      {list.items.length === 0 ? (
        <p className="text-slate-700" data-testid="notifications-empty">
          {t("empty")}
        </p>
      ) : (
        <ol aria-label={t("listLabel", { page, pages })} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="notifications-list">
          {list.items.map((item) => (
            <li key={item.id} data-testid="notification-item" data-unread={item.read ? undefined : "true"} className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${item.read ? "" : "bg-brand-50"}`}>
              <div className="min-w-0">
                <NotificationLink id={item.id} className={item.read ? "text-brand-700" : "font-semibold text-brand-800"}>
                  {tk(titleKey(item.kind, item.data))}
                </NotificationLink>
                {!item.read ? <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-medium text-white">{t("unreadBadge")}</span> : null}
                <p className="text-sm text-slate-700">{reference(item.data)}</p>
                {item.data.dueAt ? <p className="text-sm text-slate-600">{t("dueAt", { when: format.dateTime(new Date(item.data.dueAt), { dateStyle: "medium", timeStyle: "short" }) })}</p> : null}
              </div>
              <p className="shrink-0 text-right text-sm text-slate-600">
                <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                <span className="block">{format.relativeTime(item.createdAt, now)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? <Link href={`/agent/meldingen?pagina=${page - 1}`}>{t("previous")}</Link> : null}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? <Link href={`/agent/meldingen?pagina=${page + 1}`}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/meldingen", NotificationsPage);
