import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { AnswerClock } from "@/components/agent/answer-clock";
import { ChangeForm } from "@/components/agent/change-form";
import { PostalAddressForm } from "@/components/agent/postal-address-form";
import { ReplyForm } from "@/components/agent/reply-form";
import { TakeButton } from "@/components/agent/take-button";
import { TicketTimeline } from "@/components/agent/ticket-timeline";
import { UnverifiedSenderBanner } from "@/components/agent/unverified-sender-banner";
import { When } from "@/components/agent/when";
import { PageHeader } from "@/components/ui/page-header";
import { UrgentTicketPanel } from "@/components/urgent/urgent-ticket-panel";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { letterAddressOf } from "@/lib/letters/rules";
import { listMacros } from "@/lib/macros/queries";
import { queueOptions } from "@/lib/tickets/queries";
import { defaultReplyChannel } from "@/lib/tickets/rules";
import { unverifiedSenderOf } from "@/lib/mail/queries";
import { getStaffTicket, getTimeline, timelineNames } from "@/lib/workspace/queries";
import { recordTitle } from "@/lib/i18n/page-title";

// One scoped read for the tab title and the page; the title names only a ticket the page would show.
const staffTicket = cache(getStaffTicket);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("workspace.ticket.read", (user) => staffTicket(user, id), (ticket) => ticket.number, "agent.ticket");
}

async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("workspace.ticket.read", `/agent/tickets/${id}`);
  // Outside the user's scope (another team, or dossier content for the first line) is a 404.
  const ticket = await staffTicket(user, id);
  if (!ticket) notFound();
  const [t, locale, timeline, options, names, unverified] = await Promise.all([
    getTranslations(),
    getLocale(),
    getTimeline(ticket),
    queueOptions(user),
    getLocale().then((l) => timelineNames(l === "en" ? "en" : "nl")),
    ticket.senderUnverified ? unverifiedSenderOf(user, ticket.id) : null,
  ]);
  for (const s of options.staff) names.set(s.id, s.name);
  const hasMail = (ticket.requesterEmail ?? ticket.requester?.email ?? null) !== null;
  const channel = defaultReplyChannel({ channel: ticket.channel, replyChannel: ticket.replyChannel, hasAccount: ticket.requesterId !== null, hasMailAddress: hasMail });
  const written = channel === "PORTAL" || channel === "EMAIL" || channel === "LETTER" ? channel : "LETTER";
  const mayWork = can(user, "workspace.ticket.reply");
  // The reply box offers macros and warns before a letter without a postal address is written.
  const letterAddress = letterAddressOf(ticket);
  const macros = mayWork ? await listMacros(db, { includeInactive: false }) : [];
  const categories = options.categories.map((c) => ({ key: c.key, name: locale === "en" ? c.nameEn : c.nameNl }));
  if (!categories.some((c) => c.key === ticket.category.key)) categories.push({ key: ticket.category.key, name: locale === "en" ? ticket.category.nameEn : ticket.category.nameNl });
  const dl = "grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm";
  return (
    <>
      <PageHeader
        title={`${ticket.number} · ${ticket.subject}`}
        intro={locale === "en" ? ticket.category.nameEn : ticket.category.nameNl}
        actions={mayWork && ticket.assigneeId === null && ticket.status !== "CLOSED" ? <TakeButton ticketId={ticket.id} /> : undefined}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {unverified ? (
            <UnverifiedSenderBanner
              ticketId={ticket.id}
              fromAddress={unverified.fromAddress}
              verdict={unverified.verdict}
              checks={{
                spf: unverified.details.spf ?? null,
                dkim: unverified.details.dkim?.length ? unverified.details.dkim.map((d) => `${d.result} (${d.domain})`).join(", ") : null,
                dmarc: unverified.details.dmarc ?? null,
              }}
              claimedNumber={unverified.claimedNumber}
              mayConfirm={unverified.mayConfirm && ticket.status !== "CLOSED"}
            />
          ) : null}
          {ticket.urgentRequest ? <UrgentTicketPanel user={user} ticketId={ticket.id} /> : null}
          <section aria-labelledby="sla-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="sla-heading" className="mb-2 text-lg font-semibold">{t("agentTicket.sla")}</h2>
            <dl className={dl}>
              <dt className="text-slate-600">{t("agentTicket.slaDue")}</dt>
              <dd data-testid="sla-due">
                <AnswerClock ticket={ticket} />
              </dd>
              {ticket.urgentRequest ? (
                <>
                  <dt className="text-slate-600">{ticket.urgentRequest.answeredAt ? t("agentTicket.urgentAnswered") : t("agentTicket.urgentDue")}</dt>
                  <dd data-testid="urgent-due" className={ticket.urgentRequest.answeredAt ? "" : "font-semibold text-red-700"}><When date={ticket.urgentRequest.answeredAt ?? ticket.urgentRequest.dueAt} /></dd>
                </>
              ) : null}
            </dl>
          </section>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">{t("agentTicket.timeline")}</h2>
            <TicketTimeline entries={timeline} ticketId={ticket.id} names={names} />
          </section>
          {mayWork ? <ReplyForm
              ticketId={ticket.id}
              defaultChannel={written}
              closed={ticket.status === "CLOSED"}
              macros={macros.map((m) => ({ id: m.id, title: m.title, locale: m.locale }))}
              letterAddressKnown={letterAddress.address != null}
            /> : null}
        </div>
        <aside className="space-y-6">
          <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="details-heading" className="mb-2 text-lg font-semibold">{t("agentTicket.details")}</h2>
            <dl className="space-y-1 text-sm">
              <dt className="text-slate-600">{t("tickets.status")}</dt>
              <dd data-testid="ticket-status">{t(`staffStatus.${ticket.status}`)}</dd>
              <dt className="text-slate-600">{t("tickets.channel")}</dt>
              <dd>{t(`channel.${ticket.channel}`)}</dd>
              <dt className="text-slate-600">{t("tickets.requester")}</dt>
              <dd>
                {ticket.requester?.name ?? ticket.requesterName ?? t("agentTicket.unknownCaller")}
                {ticket.requester?.clientNumber ? ` · ${ticket.requester.clientNumber}` : ""}
                {ticket.requesterEmail ?? ticket.requester?.email ? <span className="block text-slate-600">{ticket.requesterEmail ?? ticket.requester?.email}</span> : null}
              </dd>
              {ticket.organisation ? (
                <>
                  <dt className="text-slate-600">{t("agentTicket.organisation")}</dt>
                  <dd>{ticket.organisation.name} · {ticket.organisation.externalNumber}{ticket.isPartner ? ` · ${t("tickets.partner")}` : ""}</dd>
                </>
              ) : null}
              <dt className="text-slate-600">{t("tickets.team")}</dt>
              <dd>{ticket.team?.name ?? "—"}</dd>
              <dt className="text-slate-600">{t("tickets.assignee")}</dt>
              <dd data-testid="ticket-assignee">{ticket.assignee?.name ?? t("tickets.unassigned")}</dd>
              <dt className="text-slate-600">{t("agentTicket.created")}</dt>
              <dd><When date={ticket.createdAt} /></dd>
            </dl>
          </section>
          {letterAddress.kind && can(user, "workspace.postalAddress.edit") ? (
            <PostalAddressForm ticketId={ticket.id} address={letterAddress.address} organisationName={letterAddress.organisationName} />
          ) : null}
          {mayWork ? (
            <ChangeForm
              ticketId={ticket.id}
              current={{ status: ticket.status, categoryKey: ticket.category.key, teamId: ticket.teamId, assigneeId: ticket.assigneeId, priority: ticket.priority }}
              teams={options.allTeams}
              categories={categories}
              staff={options.staff}
            />
          ) : null}
        </aside>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/tickets/[id]", TicketPage);
