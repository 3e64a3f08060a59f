import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { AnswerForm, AskForm, DeskConfirmation, NoteForm, OmbudsReferForm, ReferButton } from "@/components/lead/complaints/desk-forms";
import { ConfirmationScope } from "@/components/ui/page-confirmation";
import { PageHeader } from "@/components/ui/page-header";
import { can, complaintStagePermission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { formatDateKeyLong, formatShortDateTime, toFormatLocale } from "@/lib/calendar/format";
import { getDeskComplaint } from "@/lib/complaints/desk-queries";
import { complaintDueView, staffOmbudsReferralRefusal } from "@/lib/complaints/rules";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One scoped read for the tab title and the page.
const deskComplaint = cache(getDeskComplaint);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("complaints.desk.use", (user) => deskComplaint(user, id), (complaint) => titleText("agent.complaintAbout", { number: complaint.subjectTicket.number }), "agent.complaint");
}

export const dynamic = "force-dynamic";

async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("complaints.desk.use", `/agent/klachten/${id}`);
  const complaint = await deskComplaint(user, id);
  if (!complaint) notFound();
  const [t, locale] = await Promise.all([getTranslations("leadComplaints"), getLocale()]);
  const lang = toFormatLocale(locale);
  const handles = can(user, complaintStagePermission(complaint.stage)) && complaint.status !== "REFERRED" && complaint.status !== "CLOSED";
  const when = (d: Date) => formatShortDateTime(d, lang);
  const due = complaintDueView(complaint, "staff");
  return (
    <>
      <PageHeader title={t("detailTitle", { number: complaint.subjectTicket.number })} intro={`${t(`stage.${complaint.stage}`)} · ${t(`status.${complaint.status}`)}`} />
      {/* One confirmation on the page: answering clears the note of a saved aantekening, and back. */}
      <ConfirmationScope>
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <section aria-labelledby="complaint-heading" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="complaint-heading" className="text-lg font-semibold">{t("complaint")}</h2>
              <p className="mt-2 whitespace-pre-wrap">{complaint.description}</p>
              {complaint.ombudsReason ? (
                <div data-testid="ombuds-referral" className="mt-4 rounded border-l-4 border-amber-400 bg-amber-50 p-3 text-sm">
                  <p className="font-medium">{t("referral", { name: complaint.ombudsRequestedBy?.name ?? "—" })}{complaint.ombudsRequestedAt ? ` · ${when(complaint.ombudsRequestedAt)}` : ""}</p>
                  <p className="mt-1 whitespace-pre-wrap">{complaint.ombudsReason}</p>
                </div>
              ) : null}
            </section>
            <section aria-labelledby="conversation-heading" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="conversation-heading" className="text-lg font-semibold">{t("conversation")}</h2>
              <ol className="mt-3 space-y-3">
                {complaint.ticket?.messages.map((m) => (
                  <li key={m.id} className={m.direction === "OUTBOUND" ? "rounded border-l-4 border-brand-600 bg-brand-50 p-3" : "rounded border-l-4 border-slate-300 bg-slate-50 p-3"}>
                    <p className="text-xs text-slate-600">{t(m.direction === "OUTBOUND" ? "fromUs" : "fromCustomer")} · {when(m.createdAt)}</p>
                    <p className="mt-1 whitespace-pre-wrap text-sm">{m.body}</p>
                  </li>
                ))}
              </ol>
            </section>
            <DeskConfirmation slot="complaint" className="block" />
            {handles ? (
              <section aria-labelledby="answer-heading" className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
                <h2 id="answer-heading" className="text-lg font-semibold">{t("handle")}</h2>
                {complaint.status === "OPEN" && complaint.ticket ? <AskForm complaintId={complaint.id} /> : null}
                <AnswerForm complaintId={complaint.id} />
                {complaint.stage === "STAGE_2" && complaint.status === "ANSWERED" ? <ReferButton complaintId={complaint.id} /> : null}
              </section>
            ) : null}
            {can(user, "complaints.stage1.handle") && staffOmbudsReferralRefusal(complaint) === null ? (
              <section aria-labelledby="ombuds-heading" className="rounded-lg border border-slate-200 bg-white p-5">
                <h2 id="ombuds-heading" className="mb-2 text-lg font-semibold">{t("ombudsRefer.title")}</h2>
                <OmbudsReferForm complaintId={complaint.id} />
              </section>
            ) : null}
          </div>
          <aside className="space-y-6">
            <dl className="rounded-lg border border-slate-200 bg-white p-5 text-sm">
              {(
                [
                  ["complainant", complaint.complainant?.name ?? "—"],
                  ["organisation", complaint.organisation?.name ?? "—"],
                  ["about", complaint.subjectTicket.subject],
                  ["lastContact", complaint.lastContactDate ? formatDateKeyLong(complaint.lastContactDate, lang) : "—"],
                  ["handlerName", complaint.handlerName ?? "—"],
                  ["owner", complaint.owner?.name ?? "—"],
                  ["due", due.kind === "waiting" ? t("waitingOnComplainant") : due.kind === "due" ? when(due.at) : "—"],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="py-1">
                  <dt className="text-slate-600">{t(`fields.${key}`)}</dt>
                  <dd className="font-medium">{value}</dd>
                </div>
              ))}
              <div className="py-1">
                <dt className="text-slate-600">{t("fields.ticket")}</dt>
                <dd><Link href={`/agent/tickets/${complaint.subjectTicket.id}`}>{complaint.subjectTicket.number}</Link></dd>
              </div>
              {complaint.ticket ? (
                // The complaint's own ticket: where a question back is asked and the pause is set.
                <div className="py-1">
                  <dt className="text-slate-600">{t("fields.complaintTicket")}</dt>
                  <dd><Link href={`/agent/tickets/${complaint.ticket.id}`}>{complaint.ticket.number}</Link></dd>
                </div>
              ) : null}
            </dl>
            <section aria-labelledby="notes-heading" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="notes-heading" className="text-lg font-semibold">{t("notes")}</h2>
              {complaint.hiddenNotes > 0 ? <p className="mt-2 text-xs text-slate-600">{t("hiddenNotes", { count: complaint.hiddenNotes })}</p> : null}
              <ul className="mt-2 space-y-2 text-sm">
                {complaint.notes.map((n) => (
                  <li key={n.id} className="rounded bg-amber-50 p-2">
                    <p className="text-xs text-slate-600">{n.author.name} · {t(`stage.${n.stage}`)} · {when(n.createdAt)}</p>
                    <p className="whitespace-pre-wrap">{n.body}</p>
                  </li>
                ))}
              </ul>
              <DeskConfirmation slot="note" className="mt-4" />
              {handles ? <div className="mt-4"><NoteForm complaintId={complaint.id} /></div> : null}
            </section>
          </aside>
        </div>
      </ConfirmationScope>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/klachten/[id]", ComplaintPage);
