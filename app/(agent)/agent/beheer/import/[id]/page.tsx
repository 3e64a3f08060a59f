import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { ImportJobRefresher } from "@/components/import/job-refresher";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getImportJob } from "@/lib/import/queries";
import { problemPage } from "@/lib/import/rules";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One read for the tab title and the page (the file's name names the job).
const importJob = cache(getImportJob);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("import.run", (user) => importJob(user, id), (job) => titleText("admin.importJobNamed", { file: job.fileName }), "admin.importJob");
}

export const dynamic = "force-dynamic";

async function ImportJobPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const { id } = await params;
  const user = await requirePermission("import.run", `/agent/beheer/import/${id}`);
  const job = await importJob(user, id);
  if (!job) notFound();
  const [t, format] = await Promise.all([getTranslations("importAdmin"), getFormatter()]);
  const active = job.status === "QUEUED" || job.status === "RUNNING";
  const page = problemPage(job.problems, Number((await searchParams).page ?? 1));
  const percent = job.totalRows > 0 ? Math.round((job.processedRows / job.totalRows) * 100) : job.status === "DONE" ? 100 : 0;
  const counts = [
    ["created", job.createdCount],
    ["updated", job.updatedCount],
    ["unchanged", job.unchangedCount],
    ["problems", job.problemCount],
  ] as const;
  const pageLink = (n: number) => `/agent/beheer/import/${job.id}?page=${n}`;
  return (
    <>
      <ImportJobRefresher active={active} />
      <PageHeader title={t(job.dryRun ? "jobTitleDry" : "jobTitle", { file: job.fileName })} intro={`${t(`kinds.${job.kind}`)} · ${job.createdBy.name} · ${format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" })}`} />
      <p className="mb-4">
        <Link href="/agent/beheer/import" className="text-brand-700 underline">{t("back")}</Link>
      </p>
      <div className="space-y-6">
        <section aria-labelledby="status-heading" className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="status-heading" className="text-lg font-semibold">
            <span data-testid="import-status">{t(`status.${job.status}`)}</span>
          </h2>
          <div>
            <div id="import-progress-label" className="mb-1 text-sm text-slate-700">{t("progressLabel")}</div>
            <div
              role="progressbar"
              aria-labelledby="import-progress-label"
              aria-valuemin={0}
              aria-valuemax={Math.max(job.totalRows, 1)}
              aria-valuenow={job.processedRows}
              aria-valuetext={t("progress", { processed: format.number(job.processedRows), total: format.number(job.totalRows) })}
              className="h-3 w-full overflow-hidden rounded bg-slate-200"
            >
              <div className="h-3 bg-brand-700" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-sm text-slate-700" data-testid="import-progress">
              {t("progress", { processed: format.number(job.processedRows), total: format.number(job.totalRows) })}
            </p>
          </div>
          {job.status === "QUEUED" ? <p className="text-sm text-slate-700">{t("waiting")}</p> : null}
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-counts">
            {counts.map(([key, value]) => (
              <div key={key} className="rounded border border-slate-200 p-3">
                <dt className="text-sm text-slate-600">{t(`counts.${key}`)}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid={`import-count-${key}`}>{format.number(value)}</dd>
              </div>
            ))}
          </dl>
          {job.status === "DONE" ? <p role="status" className="text-sm text-slate-800">{job.dryRun ? t("dryRunNote") : t("doneNote")}</p> : null}
          {job.status === "FAILED" ? <p role="alert" className="text-sm text-red-800">{t("failedNote")}</p> : null}
        </section>
        <section aria-labelledby="problems-heading">
          <h2 id="problems-heading" className="mb-3 text-lg font-semibold">{t("problemsTitle")}</h2>
          {job.problems.length === 0 ? (
            <p className="text-slate-700">{active ? "—" : t("noProblems")}</p>
          ) : (
            <>
              {job.problemCount > job.problems.length ? <p className="mb-2 text-sm text-slate-700">{t("problemsCapped", { shown: format.number(job.problems.length), total: format.number(job.problemCount) })}</p> : null}
              <DataTable caption={t("problemsTitle")} testId="import-problems" columns={[{ label: t("problemCol.line"), align: "right" }, { label: t("problemCol.field") }, { label: t("problemCol.reason") }]}>
                {page.items.map((problem, index) => (
                  <tr key={`${problem.line}-${problem.field}-${index}`} data-testid="import-problem" className="border-t border-slate-100">
                    <td className="px-3 py-2 text-right tabular-nums">{problem.line}</td>
                    <td className="px-3 py-2">{problem.field ? t(`fields.${problem.field}`) : t("wholeLine")}</td>
                    <td className="px-3 py-2">{t(`reasons.${problem.reason}`)}</td>
                  </tr>
                ))}
              </DataTable>
              {page.pages > 1 ? (
                <nav aria-label={t("problemsNav")} className="mt-3 flex items-center gap-4 text-sm">
                  {page.page > 1 ? <Link href={pageLink(page.page - 1)} className="text-brand-700 underline">{t("previous")}</Link> : null}
                  <span>{t("pageOf", { page: page.page, pages: page.pages })}</span>
                  {page.page < page.pages ? <Link href={pageLink(page.page + 1)} className="text-brand-700 underline">{t("next")}</Link> : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/import/[id]", ImportJobPage);
