import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { When } from "@/components/agent/when";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { listPreAnnouncements } from "@/lib/urgent/queries";
import { RelinkForm } from "./relink-form";

/** The phone page's recent pre-announcements: open, linked (to which mail) or expired, with correction. */
export async function PreAnnouncementMatches({ user }: { user: SessionUser }) {
  const [t, rows] = await Promise.all([getTranslations("urgentLink"), listPreAnnouncements(user)]);
  const mayCorrect = can(user, "phone.preannouncement.link");
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="pre-matches-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="pre-matches-heading" className="font-semibold">{t("heading")}</h2>
      <ul className="mt-2 space-y-2 text-sm" data-testid="pre-matches">
        {rows.map((p) => (
          <li key={p.id} className="rounded border border-slate-200 p-2">
            <strong>{p.organisation.name}</strong>: {p.subject}
            <span className="block text-xs text-slate-600">
              {t(`status.${p.status}`)} · {p.callerName} · <When date={p.createdAt} />
              {p.expiresAt && p.status === "OPEN" ? <> · {t("expires")}<When date={p.expiresAt} /></> : null}
            </span>
            <span className="block">
              {p.linkedTicket ? (
                <Link href={`/agent/tickets/${p.linkedTicket.id}`}>{t("linkedTo", { number: p.linkedTicket.number })} · {p.linkedTicket.subject}</Link>
              ) : p.linkedElsewhere ? (
                t("linkedTo", { number: "—" })
              ) : (
                t("notLinked")
              )}
            </span>
            {mayCorrect && !p.linkedElsewhere ? (
              <RelinkForm preAnnouncementId={p.id} linked={p.linkedTicket !== null} candidates={p.candidates.map((c) => ({ id: c.id, number: c.number, subject: c.subject }))} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
