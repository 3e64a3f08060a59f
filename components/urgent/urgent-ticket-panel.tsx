import { getLocale, getTranslations } from "next-intl/server";
import { When } from "@/components/agent/when";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/calendar/format";
import type { SessionUser } from "@/lib/auth/queries";
import { getUrgentDetails } from "@/lib/urgent/queries";
import { verificationOpen } from "@/lib/urgent/rules";
import { RelinkForm } from "./relink-form";
import { VerificationPanel } from "./verification-panel";

/** On the ticket page of an urgent request: the confirming call (flag and form) and the phone pre-announcement it matched. */
export async function UrgentTicketPanel({ user, ticketId }: { user: SessionUser; ticketId: string }) {
  const details = await getUrgentDetails(ticketId);
  if (!details) return null;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const state = details.verification;
  const announcement = details.preAnnouncement;
  return (
    <>
      {state === "PENDING" || state === "NOT_REACHED" ? (
        <VerificationPanel
          ticketId={ticketId}
          state={state}
          lastAttempt={state === "NOT_REACHED" && details.verifiedAt ? `${formatDateTime(details.verifiedAt, locale === "en" ? "en" : "nl")}${details.verifyNote ? ` (${details.verifyNote})` : ""}` : null}
          mayRecord={can(user, "urgent.verification.record") && verificationOpen(state)}
        />
      ) : null}
      <section aria-labelledby="urgent-origin-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm" data-testid="urgent-origin">
        <h2 id="urgent-origin-heading" className="mb-1 text-lg font-semibold">{t("urgentLink.heading")}</h2>
        {announcement ? (
          <p>
            {t("urgentLink.announcedBy", { caller: announcement.callerName })} <When date={announcement.createdAt} /> · {announcement.subject}
          </p>
        ) : (
          <p>{t("urgentLink.notAnnounced")}</p>
        )}
        {state === "CONFIRMED" || state === "NOT_URGENT" ? (
          <p className="mt-1" data-testid="urgent-verify-outcome">
            {t(`urgentVerify.state.${state}`)}
            {details.verifiedBy && details.verifiedAt ? <> · {details.verifiedBy.name} · <When date={details.verifiedAt} /></> : null}
            {details.verifyNote ? <span className="block text-slate-700">{details.verifyNote}</span> : null}
          </p>
        ) : null}
        {announcement && can(user, "phone.preannouncement.link") ? <RelinkForm preAnnouncementId={announcement.id} candidates={[]} linked /> : null}
      </section>
    </>
  );
}
