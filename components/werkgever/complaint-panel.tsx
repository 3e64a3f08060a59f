import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { getOwnComplaintByTicket } from "@/lib/complaints/queries";
import { complaintDueView, mayRequestOmbudsman } from "@/lib/complaints/rules";
import { EmployerOmbudsmanForm } from "./ombudsman-form";

type Complaint = NonNullable<Awaited<ReturnType<typeof getOwnComplaintByTicket>>>;

/** On a complaint's own ticket: its stage and status, why we passed it on, and the way to the ombudsman. */
export async function ComplaintPanel({ complaint, now }: { complaint: Complaint; now: Date }) {
  const [t, tcs, format] = await Promise.all([getTranslations("werkgever.complaint"), getTranslations("complaintStatus"), getFormatter()]);
  const due = complaintDueView(complaint, "customer");
  return (
    <section aria-labelledby="complaint-heading" data-testid="complaint-panel" className="mb-6 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
      <h2 id="complaint-heading" className="font-semibold">{t("about", { number: complaint.subjectTicket.number })}</h2>
      <dl className="grid gap-2 sm:grid-cols-3">
        <div><dt className="text-slate-600">{t("stage")}</dt><dd data-testid="complaint-stage">{t(`stages.${complaint.stage}`)}</dd></div>
        <div><dt className="text-slate-600">{t("status")}</dt><dd data-testid="complaint-status">{tcs(complaint.status)}</dd></div>
        <div><dt className="text-slate-600">{t("reactionDue")}</dt><dd>{due.kind === "waiting" ? t("waitingOnYou") : due.kind === "due" ? format.dateTime(due.at, { dateStyle: "long", timeZone: "Europe/Amsterdam" }) : "—"}</dd></div>
      </dl>
      {complaint.ombudsReason ? (
        <div data-testid="ombuds-referral" className="rounded border-l-4 border-amber-400 bg-amber-50 p-3">
          <p className="font-medium">{t("referredByUs")}</p>
          <p className="mt-1 whitespace-pre-wrap">{complaint.ombudsReason}</p>
        </div>
      ) : null}
      {mayRequestOmbudsman(complaint, now) ? <EmployerOmbudsmanForm complaintId={complaint.id} /> : null}
    </section>
  );
}
