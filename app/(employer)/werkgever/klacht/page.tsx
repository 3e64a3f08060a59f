import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { EmployerComplaintForm } from "@/components/werkgever/complaint-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listOwnComplaints } from "@/lib/complaints/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.complaint");

async function ComplaintPage({ searchParams }: { searchParams: Promise<{ nummer?: string }> }) {
  const user = await requirePermission("employer.complaint.file", "/werkgever/klacht");
  const number = (await searchParams).nummer;
  const [t, tcs, complaints] = await Promise.all([getTranslations("werkgever.complaint"), getTranslations("complaintStatus"), listOwnComplaints(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <EmployerComplaintForm defaultNumber={number && /^LK-\d{4}-\d{6,}$/.test(number) ? number : undefined} />
      {/* Each complaint's own page is its ticket: answers, stage and the way to the ombudsman. */}
      <section aria-labelledby="complaints-title" className="mt-8 max-w-2xl">
        <h2 id="complaints-title" className="mb-3 text-lg font-semibold">{t("yours")}</h2>
        {complaints.length === 0 ? (
          <p className="text-slate-700">{t("none")}</p>
        ) : (
          <ul className="space-y-3">
            {complaints.map((c) => (
              <li key={c.id} data-testid="complaint" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <p className="font-medium">{t("about", { number: c.subjectTicket.number })}</p>
                <p>{t(`stages.${c.stage}`)} · {tcs(c.status)}</p>
                {c.ticket ? <Link href={`/werkgever/vragen/${c.ticket.number}`}>{t("view")}</Link> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/klacht", ComplaintPage);
