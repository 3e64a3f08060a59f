import { withPageMessages } from "@/components/layout/place-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { AppointmentList } from "@/components/portaal/appointment-list";
import { BookCallbackForm } from "@/components/portaal/book-callback-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { db } from "@/lib/db/client";
import { listMyAppointments, listMyOpenTickets } from "@/lib/portal/queries";
import { portalSlots } from "@/lib/portal/slots";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("portal.callback");

async function CallbackPage({ searchParams }: { searchParams: Promise<{ vraag?: string }> }) {
  const user = await requirePermission("portal.callback.book", "/portaal/terugbellen");
  const now = new Date();
  const { vraag } = await searchParams;
  const [t, locale, tickets, appointments, person] = await Promise.all([
    getTranslations("portaal.callback"),
    getLocale(),
    listMyOpenTickets(user),
    listMyAppointments(user, amsterdamDateKey(now)),
    db.user.findUnique({ where: { id: user.id }, select: { phone: true } }),
  ]);
  // Only the person's own ticket can be preselected; a foreign id falls back to "new question".
  const ticketId = tickets.some((ticket) => ticket.id === vraag) ? vraag! : null;
  const slots = await portalSlots(now, locale === "en" ? "en" : "nl", ticketId);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <BookCallbackForm slots={slots} tickets={tickets} ticketId={ticketId} phone={person?.phone ?? ""} />
        <section aria-labelledby="mine-title">
          <h2 id="mine-title" className="mb-3 text-lg font-semibold">{t("yours")}</h2>
          <AppointmentList appointments={appointments} slots={slots} now={now} withActions />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(beneficiary)/portaal/terugbellen", CallbackPage);
