import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Conversation } from "@/components/portaal/conversation";
import { ReplyForm } from "@/components/portaal/reply-form";
import { SurveyForm } from "@/components/portaal/survey-form";
import { ConfirmationScope, ConfirmationSlot } from "@/components/ui/page-confirmation";
import { When } from "@/components/portaal/when";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { formatLongDate } from "@/lib/calendar/format";
import { parseDateKey } from "@/lib/calendar/local-time";
import { slotLabel } from "@/lib/callbacks/rules";
import { customerStatus } from "@/lib/complaints/rules";
import { getMyTicket } from "@/lib/portal/queries";
import { surveyOpen } from "@/lib/survey/rules";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One scoped read for the tab title (the question's number) and the page.
const myTicket = cache(getMyTicket);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("portal.ticket.read", (user) => myTicket(user, id), (ticket) => titleText("portal.ticketNumbered", { number: ticket.number }), "portal.ticket");
}

async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("portal.ticket.read", `/portaal/vragen/${id}`);
  const ticket = await myTicket(user, id);
  if (!ticket) notFound();
  const now = new Date();
  const [t, ts, tcs, ts2, locale] = await Promise.all([
    getTranslations("portaal.ticket"),
    getTranslations("status"),
    getTranslations("complaintStatus"),
    getTranslations("portaal.survey"),
    getLocale(),
  ]);
  const open = ticket.status !== "RESOLVED" && ticket.status !== "CLOSED";
  const lang = locale === "en" ? "en" : "nl";
  const shown = customerStatus(ticket);
  return (
    // The survey form goes away once answered: its thanks stay, focused, where it stood.
    <ConfirmationScope>
      <PageHeader title={ticket.subject} intro={ticket.number} />
      <dl className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-3">
        <div><dt className="font-medium text-slate-700">{t("status")}</dt><dd data-testid="ticket-status">{shown.kind === "complaint" ? tcs(shown.status) : ts(shown.status)}</dd></div>
        <div><dt className="font-medium text-slate-700">{t("category")}</dt><dd>{locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}</dd></div>
        {ticket.answerDueAt ? (
          <div><dt className="font-medium text-slate-700">{t("due")}</dt><dd data-testid="ticket-due"><When at={ticket.answerDueAt} now={now} /></dd></div>
        ) : ticket.answeredAt && open ? (
          <div><dt className="font-medium text-slate-700">{t("answered")}</dt><dd data-testid="ticket-answered"><When at={ticket.answeredAt} now={now} /></dd></div>
        ) : null}
      </dl>
      {ticket.appointments.length === 1 ? (
        <p className="mb-4 rounded border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="ticket-appointment">
          {ticket.appointments[0]!.status === "BOOKED"
            ? t("callbackBooked", { date: formatLongDate(parseDateKey(ticket.appointments[0]!.date)!, lang), slot: slotLabel(ticket.appointments[0]!.slot, lang) })
            : t("appointmentLine", { date: formatLongDate(parseDateKey(ticket.appointments[0]!.date)!, lang), slot: slotLabel(ticket.appointments[0]!.slot, lang), status: t(`appointmentStatus.${ticket.appointments[0]!.status}`) })}
        </p>
      ) : ticket.appointments.length > 1 ? (
        <section aria-labelledby="appointments-title" className="mb-4 rounded border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="ticket-appointments">
          <h2 id="appointments-title" className="font-semibold">{t("appointmentsTitle")}</h2>
          <p className="mt-1 text-slate-800">{t("appointmentsWhy", { count: ticket.appointments.length })}</p>
          <ul className="mt-2 list-disc pl-5">
            {ticket.appointments.map((a) => (
              <li key={a.id}>{t("appointmentLine", { date: formatLongDate(parseDateKey(a.date)!, lang), slot: slotLabel(a.slot, lang), status: t(`appointmentStatus.${a.status}`) })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="conversation-title" className="space-y-4">
        <h2 id="conversation-title" className="text-lg font-semibold">{t("conversation")}</h2>
        <Conversation ticketId={ticket.id} messages={ticket.messages} now={now} />
      </section>
      <div className="mt-6 space-y-6">
        <ConfirmationSlot slot="survey" />
        {surveyOpen(ticket.status, ticket.satisfaction !== null, ticket.complaint !== null || ticket.category.key === "COMPLAINT") ? <SurveyForm ticketId={ticket.id} /> : null}
        {ticket.satisfaction ? <p className="text-sm text-slate-700" data-testid="survey-answered">{ts2("answered", { score: ticket.satisfaction.score })}</p> : null}
        {ticket.status === "CLOSED" ? <p className="text-slate-700">{t("closed")}</p> : <ReplyForm ticketId={ticket.id} resolved={ticket.status === "RESOLVED"} />}
        <div className="flex flex-wrap gap-4 text-sm">
          {ticket.status !== "CLOSED" && !ticket.appointments.some((a) => a.status === "BOOKED") ? <Link href={`/portaal/terugbellen?vraag=${ticket.id}`}>{t("bookCallback")}</Link> : null}
          {ticket.category.key !== "COMPLAINT" ? <Link href={`/portaal/klachten?nummer=${ticket.number}`}>{t("complain")}</Link> : null}
          {ticket.complaint ? <Link href={`/portaal/klachten/${ticket.complaint.id}`}>{t("complaintPage")}</Link> : null}
        </div>
      </div>
    </ConfirmationScope>
  );
}

export default withPageMessages("app/(beneficiary)/portaal/vragen/[id]", TicketPage);
