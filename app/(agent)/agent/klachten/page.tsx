import { withPageMessages } from "@/components/layout/place-messages";
import type { ComplaintStage } from "@prisma/client";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { STAGE_TABS } from "@/lib/complaints/desk";
import { listDeskComplaints } from "@/lib/complaints/desk-queries";
import { complaintDueView, type ComplaintDueView } from "@/lib/complaints/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.complaints");

export const dynamic = "force-dynamic";

async function ComplaintsDesk({ searchParams }: { searchParams: Promise<{ stage?: string; page?: string }> }) {
  const user = await requirePermission("complaints.desk.use", "/agent/klachten");
  const params = await searchParams;
  const stage: ComplaintStage = STAGE_TABS.find((s) => s === params.stage) ?? (can(user, "complaints.stage1.handle") ? "STAGE_1" : "STAGE_2");
  const page = Math.max(0, Number.parseInt(params.page ?? "0", 10) || 0);
  const [t, format, list] = await Promise.all([getTranslations("leadComplaints"), getFormatter(), listDeskComplaints(user, stage, page)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("stages")} className="mb-4 flex flex-wrap gap-2 text-sm">
        {STAGE_TABS.map((s) => (
          <Link key={s} href={`/agent/klachten?stage=${s}`} aria-current={s === stage ? "page" : undefined} className="rounded border border-slate-300 bg-white px-3 py-1 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold">
            {t(`stage.${s}`)}
          </Link>
        ))}
      </nav>
      {list.items.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <DataTable caption={t(`stage.${stage}`)} columns={(["about", "complainant", "status", "owner", "due"] as const).map((c) => ({ label: t(`columns.${c}`) }))}>
          {list.items.map((c) => (
            <tr key={c.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link href={`/agent/klachten/${c.id}`} className="font-mono text-xs">{c.subjectTicket.number}</Link>
                <span className="block max-w-md truncate text-slate-700">{c.description}</span>
              </td>
              <td className="px-3 py-2">{c.complainant?.name ?? "—"}{c.organisation ? <span className="block text-xs text-slate-500">{c.organisation.name}</span> : null}</td>
              <td className="px-3 py-2">{t(`status.${c.status}`)}</td>
              <td className="px-3 py-2">{c.owner?.name ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <StaffComplaintDue view={complaintDueView(c, "staff")} open={c.status === "OPEN"} waiting={t("waitingOnComplainant")} format={format} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/klachten", ComplaintsDesk);

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** The desk's due column: the date (and how far off, while open), or that it waits on the complainant. */
function StaffComplaintDue({ view, open, waiting, format }: { view: ComplaintDueView; open: boolean; waiting: string; format: Formatter }) {
  if (view.kind === "waiting") return <span className="text-slate-600">{waiting}</span>;
  if (view.kind === "none") return <>—</>;
  return (
    <>
      {format.dateTime(view.at, { dateStyle: "medium", timeStyle: "short" })}
      {open ? <span className="block text-xs text-slate-600">{format.relativeTime(view.at)}</span> : null}
    </>
  );
}
