import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { EmployerSurveyForm } from "@/components/employer-service/employer-survey-form";
import { ComplaintPanel } from "@/components/werkgever/complaint-panel";
import { Countdown } from "@/components/werkgever/countdown";
import { RaiseEscalationForm } from "@/components/werkgever/escalation-forms";
import { EscalationList } from "@/components/werkgever/escalation-list";
import { ConfirmationScope, ConfirmationSlot } from "@/components/ui/page-confirmation";
import { HrAppointmentList } from "@/components/werkgever/hr-appointment-list";
import { ReplyForm } from "@/components/werkgever/reply-form";
import { LetterLink } from "@/components/ui/letter-link";
import { AttachmentLinks } from "@/components/ui/attachment-links";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getOwnComplaintByTicket } from "@/lib/complaints/queries";
import { listTicketAppointmentsOfContact } from "@/lib/employer/hr-desk";
import { getEmployerTicket } from "@/lib/employer/queries";
import { employerSurveyState, getCustomerSuccessManager } from "@/lib/employer-service/queries";
import { decodePathParam } from "@/lib/util/url-params";
import { deadlinePhrase } from "@/lib/urgent/rules";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One scoped read for the tab title (the question's number) and the page.
const employerTicket = cache(getEmployerTicket);

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  const decoded = decodePathParam((await params).number);
  return recordTitle("employer.enter", (user) => (decoded === null ? Promise.resolve(null) : employerTicket(user, decoded)), (ticket) => titleText("employer.ticketNumbered", { number: ticket.number }), "employer.ticket");
}

async function EmployerTicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ number: string }>;
  searchParams: Promise<{ nieuw?: string; spoed?: string }>;
}) {
  const { number } = await params;
  const query = await searchParams;
  const user = await requirePermission("employer.enter", `/werkgever/vragen/${number}`);
  // A malformed %-escape in the address is a ticket that does not exist, not a 500.
  const decoded = decodePathParam(number);
  const ticket = decoded === null ? null : await employerTicket(user, decoded);
  if (!ticket) notFound();
  const [t, tc, format, locale, complaint, appointments, survey, ts, csm] = await Promise.all([
    getTranslations("werkgever"),
    getTranslations(),
    getFormatter(),
    getLocale(),
    ticket.category.key === "COMPLAINT" ? getOwnComplaintByTicket(user, ticket.id) : null,
    listTicketAppointmentsOfContact(user, ticket.id),
    can(user, "employer.survey.answer") ? employerSurveyState(user, ticket.id) : null,
    getTranslations("employerSurvey"),
    getCustomerSuccessManager(user),
  ]);
  const now = new Date();
  const closed = ticket.status === "CLOSED";
  const running = ticket.escalations.some((e) => e.status === "OPEN");
  // The note the page arrived with (question filed, urgent request linked) is the page's first
  // confirmation: a reply or an escalation here replaces it.
  const arrived = query.spoed ? t(query.spoed === "gekoppeld" ? "ticket.urgentLinked" : "ticket.urgentNotLinked", { number: ticket.number }) : query.nieuw ? t("ticket.filed", { number: ticket.number }) : null;
  return (
    <ConfirmationScope initial={arrived ? { slot: "page", text: arrived } : null}>
      <PageHeader title={ticket.subject} intro={`${ticket.number} · ${locale === "en" ? ticket.category.nameEn : ticket.category.nameNl} · ${complaint ? tc(`complaintStatus.${complaint.status}`) : tc(`status.${ticket.status}`)}`} />
      <ConfirmationSlot slot="page" className="mb-4" />
      {appointments.length > 0 ? <HrAppointmentList appointments={appointments} heading={t("hrDesk.ticketAppointments")} withTicket={false} /> : null}
      {ticket.urgentRequest ? (
        <section aria-labelledby="urgent-heading" className="mb-6 rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
          <h2 id="urgent-heading" className="font-semibold text-red-900">{t("ticket.urgentTitle")}</h2>
          <p className="mt-1">{t("ticket.reason")}: {ticket.urgentRequest.reason}</p>
          <p>{t("ticket.forWhom")}: {ticket.urgentRequest.forWhom}</p>
          <p>{ticket.urgentRequest.preAnnouncementId ? t("ticket.linkedToCall") : t("ticket.noCall")}</p>
          {ticket.urgentRequest.verification ? <p data-testid="urgent-verification" className="font-medium">{tc(`urgentEmployer.verification.${ticket.urgentRequest.verification}`)}</p> : null}
          {!ticket.urgentRequest.answeredAt && !closed && ticket.status !== "RESOLVED" ? (
            <p>
              {ticket.urgentRequest.verification === "NOT_URGENT"
                ? ticket.slaDueAt ? tc("urgentEmployer.normalDeadline", { deadline: deadlinePhrase(ticket.slaDueAt, locale === "en" ? "en" : "nl") }) : null
                : tc("urgentEmployer.deadline", { deadline: deadlinePhrase(ticket.urgentRequest.dueAt, locale === "en" ? "en" : "nl") })}
            </p>
          ) : null}
          {ticket.urgentRequest.answeredAt ? (
            <p className="mt-1 font-semibold text-emerald-800" data-testid="urgent-answered">
              {t("countdown.answered", { at: format.dateTime(ticket.urgentRequest.answeredAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
          ) : !closed && ticket.status !== "RESOLVED" && ticket.urgentRequest.verification !== "NOT_URGENT" ? <p className="mt-1"><Countdown dueAt={ticket.urgentRequest.dueAt.toISOString()} /></p> : null}
        </section>
      ) : null}
      {ticket.answerDueAt ? (
        <p className="mb-4 text-sm" data-testid="ticket-due">
          {t("ticket.answerDue")}: {format.dateTime(ticket.answerDueAt, { dateStyle: "medium", timeStyle: "short" })} ({format.relativeTime(ticket.answerDueAt, now)})
        </p>
      ) : ticket.answeredAt && !closed && ticket.status !== "RESOLVED" ? (
        <p className="mb-4 text-sm" data-testid="ticket-answered">
          {t("ticket.answeredAt")}: {format.dateTime(ticket.answeredAt, { dateStyle: "medium", timeStyle: "short" })}
        </p>
      ) : null}
      {complaint ? <ComplaintPanel complaint={complaint} now={now} /> : null}
      <section aria-labelledby="messages-heading" className="mb-8">
        <h2 id="messages-heading" className="mb-3 text-lg font-semibold">{t("ticket.messages")}</h2>
        <ol className="space-y-3">
          {ticket.messages.map((m) => (
            <li key={m.id} className={`rounded-lg border p-4 ${m.direction === "INBOUND" ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50"}`}>
              <p className="text-xs text-slate-600">
                {m.direction === "INBOUND" ? (m.author?.name ?? t("ticket.you")) : m.automatic ? t("ticket.automatic") : t("ticket.staff")} ·{" "}
                {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
              {m.direction === "OUTBOUND" && m.channel === "LETTER" ? <LetterLink ticketId={ticket.id} messageId={m.id} label={t("ticket.viewLetter")} /> : null}
              <AttachmentLinks attachments={m.attachments} label={t("ticket.attachments")} />
            </li>
          ))}
        </ol>
      </section>
      {survey?.open ? <EmployerSurveyForm ticketNumber={ticket.number} /> : null}
      {survey?.score ? <p className="mb-8 text-sm text-slate-700" data-testid="survey-answered">{ts("answered", { score: survey.score })}</p> : null}
      {!closed && can(user, "employer.request.submit") ? (
        <section aria-labelledby="reply-heading" className="mb-8 max-w-2xl">
          <h2 id="reply-heading" className="mb-3 text-lg font-semibold">{t("reply.title")}</h2>
          <ReplyForm ticketNumber={ticket.number} />
        </section>
      ) : null}
        <section aria-labelledby="escalation-heading" className="max-w-3xl">
          <h2 id="escalation-heading" className="mb-3 text-lg font-semibold">{t("escalation.title")}</h2>
          <ConfirmationSlot slot="raise" className="mb-3" />
          <EscalationList items={ticket.escalations} now={now} allowTier2={!closed} onQuestion />
          {!closed && !running ? (
            <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="mb-2 font-semibold">{t("escalation.raiseTitle")}</h3>
              <p className="mb-3 text-sm text-slate-600">{t(csm ? "escalation.raiseIntro" : "escalation.raiseIntroNoCsm")}</p>
              <RaiseEscalationForm ticketNumber={ticket.number} />
            </div>
          ) : null}
        </section>
    </ConfirmationScope>
  );
}

export default withPageMessages("app/(employer)/werkgever/vragen/[number]", EmployerTicketPage);
