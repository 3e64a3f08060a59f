import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { OmbudsmanForm } from "@/components/portaal/ombudsman-form";
import { When } from "@/components/portaal/when";
import { ConfirmationScope, ConfirmationSlot } from "@/components/ui/page-confirmation";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getOwnComplaint } from "@/lib/complaints/queries";
import { complaintDueView, mayRequestOmbudsman } from "@/lib/complaints/rules";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One scoped read for the tab title and the page.
const ownComplaint = cache(getOwnComplaint);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("portal.complaint.file", (user) => ownComplaint(user, id), (complaint) => titleText("portal.complaintAbout", { number: complaint.subjectTicket.number }), "portal.complaint");
}

async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("portal.complaint.file", `/portaal/klachten/${id}`);
  const complaint = await ownComplaint(user, id);
  if (!complaint) notFound();
  const now = new Date();
  const [t, tc, tt] = await Promise.all([getTranslations("portaal.complaints"), getTranslations("channel"), getTranslations("portaal.ticket")]);
  const answers = complaint.ticket?.messages ?? [];
  const due = complaintDueView(complaint, "customer");
  return (
    // The ombudsman form goes away once the request is in: its confirmation stays, focused, above.
    <ConfirmationScope>
      <PageHeader title={t("about", { number: complaint.subjectTicket.number })} intro={complaint.ticket?.number} />
      <ConfirmationSlot slot="ombudsman" className="mb-6 block" />
      <dl className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3">
        <div><dt className="font-medium text-slate-700">{t("stage")}</dt><dd data-testid="complaint-stage">{t(`stages.${complaint.stage}`)}</dd></div>
        <div><dt className="font-medium text-slate-700">{tt("status")}</dt><dd>{t(`statuses.${complaint.status}`)}</dd></div>
        <div><dt className="font-medium text-slate-700">{t("reactionDue")}</dt><dd>{due.kind === "waiting" ? t("waitingOnYou") : due.kind === "due" ? <When at={due.at} now={now} dateOnly /> : "—"}</dd></div>
      </dl>
      {complaint.ticket && complaint.status === "OPEN" ? (
        // Where a question of ours is answered, and where the complainant writes to the handler.
        <p className="mb-6 text-sm">
          <Link href={`/portaal/vragen/${complaint.ticket.id}`}>{t("conversation")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="complaint-text" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="complaint-text" className="font-semibold">{t("description")}</h2>
        <p className="mt-2 whitespace-pre-wrap">{complaint.description}</p>
      </section>
      {complaint.ombudsReason ? (
        <section data-testid="ombuds-referral" className="mb-6 rounded-lg border-l-4 border-amber-400 bg-amber-50 p-4 text-sm">
          <p className="font-medium">{t("referredByUs")}</p>
          <p className="mt-1 whitespace-pre-wrap">{complaint.ombudsReason}</p>
        </section>
      ) : null}
      <section aria-labelledby="answers-title" className="mb-6 space-y-3">
        <h2 id="answers-title" className="text-lg font-semibold">{t("answers")}</h2>
        {answers.length === 0 ? <p className="text-slate-700">{t("noAnswers")}</p> : null}
        {answers.map((a) => (
          <article key={a.id} className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm">
            <p className="text-slate-700"><When at={a.createdAt} now={now} /> · {tc(a.channel)}</p>
            <p className="mt-2 whitespace-pre-wrap text-slate-900">{a.body}</p>
          </article>
        ))}
      </section>
      {mayRequestOmbudsman(complaint, now) ? <OmbudsmanForm complaintId={complaint.id} /> : null}
    </ConfirmationScope>
  );
}

export default withPageMessages("app/(beneficiary)/portaal/klachten/[id]", ComplaintPage);
