import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { ImportUploadForm } from "@/components/import/upload-form";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listImportJobs } from "@/lib/import/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.import");

export const dynamic = "force-dynamic";

async function ImportPage() {
  const user = await requirePermission("import.run", "/agent/beheer/import");
  const [t, format, jobs] = await Promise.all([getTranslations("importAdmin"), getFormatter(), listImportJobs(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-8">
        <section aria-labelledby="upload-heading" className="max-w-2xl">
          <h2 id="upload-heading" className="mb-3 text-lg font-semibold">{t("uploadTitle")}</h2>
          <ImportUploadForm />
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-3 text-lg font-semibold">{t("recentTitle")}</h2>
          {jobs.length === 0 ? (
            <EmptyState>{t("none")}</EmptyState>
          ) : (
            <DataTable
              caption={t("recentTitle")}
              testId="import-jobs"
              columns={[{ label: t("col.file") }, { label: t("col.kind") }, { label: t("col.mode") }, { label: t("col.status") }, { label: t("col.rows"), align: "right" }, { label: t("col.by") }, { label: t("col.at") }]}
            >
              {jobs.map((job) => (
                <tr key={job.id} className="border-t border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/agent/beheer/import/${job.id}`} className="text-brand-700 underline">{job.fileName}</Link>
                  </td>
                  <td className="px-3 py-2">{t(`kinds.${job.kind}`)}</td>
                  <td className="px-3 py-2">{job.dryRun ? t("mode.dry") : t("mode.real")}</td>
                  <td className="px-3 py-2">{t(`status.${job.status}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{format.number(job.processedRows)} / {format.number(job.totalRows)}</td>
                  <td className="px-3 py-2">{job.createdBy.name}</td>
                  <td className="px-3 py-2">{format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/import", ImportPage);
