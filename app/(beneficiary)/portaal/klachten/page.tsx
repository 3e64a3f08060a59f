import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ComplaintForm } from "@/components/portaal/complaint-form";
import { ComplaintDue } from "@/components/portaal/complaint-due";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { listOwnComplaints } from "@/lib/complaints/queries";
import { complaintDueView } from "@/lib/complaints/rules";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("portal.complaints");

async function ComplaintsPage({ searchParams }: { searchParams: Promise<{ nummer?: string }> }) {
  const user = await requirePermission("portal.complaint.file", "/portaal/klachten");
  const now = new Date();
  const { nummer } = await searchParams;
  const [t, complaints] = await Promise.all([getTranslations("portaal.complaints"), listOwnComplaints(user)]);
  const defaultNumber = /^LK-\d{4}-\d{6,}$/.test(nummer ?? "") ? nummer! : "";
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <ComplaintForm defaultNumber={defaultNumber} today={amsterdamDateKey(now)} />
        <section aria-labelledby="complaints-title">
          <h2 id="complaints-title" className="mb-3 text-lg font-semibold">{t("yours")}</h2>
          {complaints.length === 0 ? (
            <p className="text-slate-700">{t("none")}</p>
          ) : (
            <ul className="space-y-3">
              {complaints.map((c) => (
                <li key={c.id} data-testid="complaint" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
                  <p className="font-medium text-slate-900">{t("about", { number: c.subjectTicket.number })}</p>
                  <p>{t(`stages.${c.stage}`)} · {t(`statuses.${c.status}`)}</p>
                  <ComplaintDue view={complaintDueView(c, "customer")} now={now} label={t("reactionDue")} waiting={t("waitingOnYou")} />
                  <Link href={`/portaal/klachten/${c.id}`}>{t("details")}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(beneficiary)/portaal/klachten", ComplaintsPage);
