import { withPageMessages } from "@/components/layout/place-messages";
import type { OutboxStatus } from "@prisma/client";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { RetryMailButton } from "@/components/lead/retry-mail-button";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/mail/queries";
import { toLastPageIfPast } from "@/lib/util/paging";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.mail");

const STATUSES: OutboxStatus[] = ["PENDING", "SENT", "FAILED"];

async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const user = await requirePermission("mail.outbox.read", "/agent/beheer/mail");
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const page = Math.max(0, Number.parseInt(params.page ?? "0", 10) || 0);
  const [t, format, outbox] = await Promise.all([getTranslations("leadMail"), getFormatter(), listOutbox(user, { status, page })]);
  const pages = Math.max(1, Math.ceil(outbox.total / OUTBOX_PAGE_SIZE));
  const href = (next: { status?: OutboxStatus; page?: number }) => {
    const query = new URLSearchParams();
    if (next.status) query.set("status", next.status);
    if (next.page) query.set("page", String(next.page));
    const text = query.toString();
    return `/agent/beheer/mail${text ? `?${text}` : ""}`;
  };
  toLastPageIfPast(page, outbox.total, OUTBOX_PAGE_SIZE, (last) => href({ status, page: last }));
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} (${format.relativeTime(date)})` : "—");

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("filter")} className="mb-4 flex flex-wrap gap-2 text-sm">
        <Link href={href({})} aria-current={!status ? "page" : undefined} className="rounded border border-slate-300 bg-white px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold">
          {t("all")}
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} href={href({ status: s })} aria-current={status === s ? "page" : undefined} className="rounded border border-slate-300 bg-white px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold">
            {t(`status.${s}`)} ({outbox.counts[s]})
          </Link>
        ))}
      </nav>
      {outbox.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("title")}
          columns={[{ label: t("columns.created") }, { label: t("columns.to") }, { label: t("columns.subject") }, { label: t("columns.status") }, { label: t("columns.attempts") }]}
        >
              {outbox.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{when(row.createdAt)}</td>
                  <td className="px-3 py-2">{row.toAddress}</td>
                  <td className="px-3 py-2">
                    {row.subject}
                    <span className="block text-xs text-slate-500">
                      {row.kind}
                      {row.ticket ? ` · ${row.ticket.number}` : ""}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <span className={row.status === "FAILED" ? "font-semibold text-red-700" : undefined}>{t(`status.${row.status}`)}</span>
                    {row.status === "SENT" ? <span className="block text-xs text-slate-500">{when(row.sentAt)}</span> : null}
                    {row.status === "PENDING" && row.attempts > 0 ? (
                      <span className="block text-xs text-slate-500">{t("nextAttempt", { when: when(row.nextAttemptAt) })}</span>
                    ) : null}
                    {row.lastError ? <span className="block max-w-xs break-words text-xs text-red-700">{row.lastError}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    {row.attempts}
                    {row.status === "FAILED" ? (
                      <span className="mt-1 block">
                        <RetryMailButton id={row.id} />
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <p className="mt-4 flex items-center gap-4 text-sm text-slate-600">
        {page > 0 ? <Link href={href({ status, page: page - 1 })}>{t("previous")}</Link> : null}
        <span>{t("pageOf", { page: page + 1, pages })}</span>
        {page + 1 < pages ? <Link href={href({ status, page: page + 1 })}>{t("next")}</Link> : null}
      </p>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/mail", OutboxPage);
