import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { EraseForm } from "@/components/privacy/erase-form";
import { PlaceHoldForm } from "@/components/privacy/hold-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { loadPersonPrivacy } from "@/lib/privacy/queries";
import { ERASABLE_ROLES } from "@/lib/privacy/rules";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One read for the tab title and the page; "Privacy: name" keeps it apart from the person's own page.
const personPrivacy = cache(loadPersonPrivacy);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("privacy.manage", (user) => personPrivacy(user, id), (data) => titleText("admin.privacyPersonNamed", { name: data.person.name }), "admin.privacyPerson");
}

export const dynamic = "force-dynamic";

const COUNT_KEYS = ["tickets", "anonymised", "messages", "attachments", "calls", "appointments", "complaints", "notifications", "outbox", "contactNotes", "auditEvents"] as const;

async function PrivacyPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("privacy.manage", `/agent/beheer/privacy/personen/${id}`);
  const [t, tr, format, data] = await Promise.all([getTranslations("privacyPerson"), getTranslations("roles"), getFormatter(), personPrivacy(user, id)]);
  if (!data) notFound();
  const { person, counts, holds, open } = data;
  const exportBase = `/agent/beheer/privacy/export/${person.id}`;
  const openItems = [...open.tickets.map((n) => t("openTicket", { number: n })), ...open.complaints.map((n) => t("openComplaint", { number: n })), ...open.callbacks.map((s) => t("openCallback", { slot: s }))];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/agent/beheer/privacy" className="text-brand-700 underline">{t("back")}</Link>
      </p>
      <PageHeader title={person.name} intro={t("intro")} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="person-heading" className="space-y-2">
          <h2 id="person-heading" className="text-lg font-semibold">{t("personTitle")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="person-details">
            <dt className="font-medium">{t("email")}</dt>
            <dd>{person.email ?? "—"}</dd>
            <dt className="font-medium">{t("role")}</dt>
            <dd>{tr(person.role)}</dd>
            <dt className="font-medium">{t("clientNumber")}</dt>
            <dd>{person.clientNumber ?? "—"}</dd>
            <dt className="font-medium">{t("organisations")}</dt>
            <dd>{person.memberships.map((m) => `${m.organisation.name} (${m.organisation.externalNumber})`).join(", ") || "—"}</dd>
            <dt className="font-medium">{t("status")}</dt>
            <dd data-testid="person-status">
              {person.erasedAt ? t("erasedOn", { date: format.dateTime(person.erasedAt, { dateStyle: "medium" }) }) : person.active ? t("active") : t("inactive")}
            </dd>
          </dl>
          <h2 className="pt-4 text-lg font-semibold">{t("holdsTitle")}</h2>
          {holds.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noHolds")}</p>
          ) : (
            <ul className="list-disc pl-5 text-sm" data-testid="person-holds">
              {holds.map((h) => (
                <li key={h.id}>
                  {h.ticket ? t("holdOnTicket", { number: h.ticket.number }) : h.organisation ? t("holdOnOrganisation", { name: h.organisation.name }) : t("holdOnPerson")}: {h.reason}
                </li>
              ))}
            </ul>
          )}
          {!person.erasedAt ? (
            <details className="pt-2">
              <summary className="cursor-pointer text-brand-700 underline">{t("placeHold")}</summary>
              <div className="mt-3">
                <PlaceHoldForm defaultKind="PERSON" defaultReference={person.email ?? undefined} idPrefix="person-hold" />
              </div>
            </details>
          ) : null}
        </section>

        <section aria-labelledby="holdings-heading">
          <h2 id="holdings-heading" className="mb-2 text-lg font-semibold">{t("holdingsTitle")}</h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-left text-sm" data-testid="person-counts">
              <caption className="sr-only">{t("holdingsTitle")}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("class")}</th>
                  <th scope="col" className="px-3 py-2 text-right font-semibold">{t("count")}</th>
                </tr>
              </thead>
              <tbody>
                {COUNT_KEYS.map((key) => (
                  <tr key={key} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-2 text-left font-normal">{t(`counts.${key}`)}</th>
                    <td className="px-3 py-2 text-right tabular-nums">{counts[key]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="mb-2 mt-6 text-lg font-semibold">{t("exportTitle")}</h2>
          <p className="mb-2 text-sm text-slate-600">{t("exportIntro")}</p>
          <p className="flex gap-4">
            <a href={`${exportBase}?format=json`} className="text-brand-700 underline" data-testid="export-json">{t("exportJson")}</a>
            <a href={`${exportBase}?format=html`} className="text-brand-700 underline" data-testid="export-html">{t("exportHtml")}</a>
          </p>
        </section>
      </div>

      <section aria-labelledby="erase-heading" className="mt-10 max-w-2xl">
        <h2 id="erase-heading" className="mb-1 text-lg font-semibold">{t("eraseTitle")}</h2>
        {!ERASABLE_ROLES.has(person.role) ? (
          <p className="text-sm text-slate-700">{t("staffNotErased")}</p>
        ) : person.erasedAt ? (
          <p className="text-sm text-slate-700">{t("alreadyErased")}</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("eraseIntro")}</p>
            {openItems.length > 0 ? (
              <div className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="open-work">
                {t("openFirst")}
                <ul className="mt-1 list-disc pl-5">
                  {openItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {data.held ? <p className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("heldNote")}</p> : null}
            <EraseForm userId={person.id} name={person.name} />
          </>
        )}
      </section>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/privacy/personen/[id]", PrivacyPersonPage);
