import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { pendingInvitationRows } from "@/components/account/pending-invitation-rows";
import { PendingInvitations } from "@/components/account/pending-invitations";
import { InviteMainContactForm, OrganisationActiveToggle } from "@/components/org-admin/invite-main-contact-form";
import { OrganisationForm } from "@/components/org-admin/organisation-form";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { resendOrganisationInviteServerAction, withdrawOrganisationInviteServerAction } from "@/lib/org-admin/actions";
import { getOrganisationForAdmin, listOrganisationStaffOptions } from "@/lib/org-admin/queries";
import { MAIN_CONTACT_RIGHTS } from "@/lib/org-admin/rules";
import { recordTitle } from "@/lib/i18n/page-title";

// One read for the tab title (the organisation's name) and the page.
const organisationForAdmin = cache((user: SessionUser, id: string) => getOrganisationForAdmin(user, id, new Date()));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("organisations.manage", (user) => organisationForAdmin(user, id), (found) => found.organisation.name, "admin.organisation");
}

export const dynamic = "force-dynamic";

type Person = { id: string; name: string };
/** The active people to choose from, plus the current choice when that person is no longer among them. */
const withCurrent = (list: Person[], current: Person | null) => (current && !list.some((p) => p.id === current.id) ? [...list, current] : list);

async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("organisations.manage", `/agent/beheer/organisaties/${id}`);
  const now = new Date();
  const found = await organisationForAdmin(user, id);
  if (!found) notFound();
  const { organisation: o, contacts, invitations } = found;
  const [t, format, people] = await Promise.all([getTranslations("orgAdmin"), getFormatter(), listOrganisationStaffOptions(user)]);
  // In one fixed order, so rows read alike.
  const rightsOf = (rights: readonly string[]) => MAIN_CONTACT_RIGHTS.filter((r) => rights.includes(r)).map((r) => t(`right.${r}`)).join(", ") || t("noRights");
  const invitationRows = await pendingInvitationRows(invitations, (i) => rightsOf(i.rights), now);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/agent/beheer/organisaties" className="text-brand-700 underline">{t("back")}</Link>
      </p>
      <PageHeader title={o.name} intro={t("detailIntro", { number: o.externalNumber, kind: t(`kinds.${o.kind}`) })} />
      {!o.active ? (
        <p role="status" data-testid="organisation-inactive" className="mb-6 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("inactiveSince", { at: o.deactivatedAt ? when(o.deactivatedAt) : "—" })}
        </p>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="org-details-heading">
          <h2 id="org-details-heading" className="mb-3 text-lg font-semibold">{t("detailsTitle")}</h2>
          <OrganisationForm
            organisation={{
              id: o.id,
              externalNumber: o.externalNumber,
              name: o.name,
              kvkNumber: o.kvkNumber,
              rsin: o.rsin,
              kind: o.kind,
              isPartner: o.isPartner,
              twoFactorRequired: o.twoFactorRequired,
              customerSuccessManagerId: o.customerSuccessManagerId,
              fixedCaseHandlerId: o.fixedCaseHandlerId,
              postalStreet: o.postalStreet,
              postalCode: o.postalCode,
              postalCity: o.postalCity,
            }}
            csms={withCurrent(people.csms, o.customerSuccessManager)}
            handlers={withCurrent(people.handlers, o.fixedCaseHandler)}
          />
        </section>
        <div className="space-y-8">
          <section aria-labelledby="org-invite-heading">
            <h2 id="org-invite-heading" className="text-lg font-semibold">{t("inviteTitle")}</h2>
            <p className="mb-3 text-sm text-slate-600">{t("inviteIntro")}</p>
            {o.active ? <InviteMainContactForm organisationId={o.id} /> : <p className="text-sm text-slate-700">{t("inviteInactive")}</p>}
            {invitationRows.length > 0 ? (
              <>
                <h3 className="mb-2 mt-6 font-semibold">{t("pendingTitle")}</h3>
                <PendingInvitations resend={resendOrganisationInviteServerAction} withdraw={withdrawOrganisationInviteServerAction} invitations={invitationRows} />
              </>
            ) : null}
          </section>
          <section aria-labelledby="org-access-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="org-access-heading" className="mb-2 text-lg font-semibold">{t("accessTitle")}</h2>
            {o.active ? <p className="mb-3 text-sm text-slate-700">{t("accessActive")}</p> : null}
            <OrganisationActiveToggle organisationId={o.id} name={o.name} active={o.active} />
          </section>
        </div>
      </div>
      <section aria-labelledby="org-contacts-heading" className="mt-8">
        <h2 id="org-contacts-heading" className="mb-3 text-lg font-semibold">{t("contactsTitle")}</h2>
        {contacts.length === 0 ? (
          <EmptyState>{t("noContacts")}</EmptyState>
        ) : (
          <DataTable
            caption={t("contactsTitle")}
            testId="organisation-contacts"
            columns={[{ label: t("contactColumns.person") }, { label: t("contactColumns.rights") }, { label: t("contactColumns.status") }, { label: t("contactColumns.lastLogin") }]}
          >
            {contacts.map((c) => (
              <tr key={c.user.id} data-testid="organisation-contact" className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <span className="font-medium">{c.user.name}</span>
                  <span className="block text-slate-600">{c.user.email}</span>
                </td>
                <td className="px-3 py-2">{[rightsOf(c.rights), c.hrProfessional ? t("right.HR_PROFESSIONAL") : null].filter(Boolean).join(" · ")}</td>
                <td className="px-3 py-2">{c.user.active ? t("accountActive") : <span className="font-semibold text-red-800">{t("accountInactive")}</span>}</td>
                <td className="px-3 py-2">
                  {c.user.lastLoginAt ? (
                    <>
                      {when(c.user.lastLoginAt)}
                      <span className="block text-slate-600">{format.relativeTime(c.user.lastLoginAt, now)}</span>
                    </>
                  ) : (
                    t("never")
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/organisaties/[id]", OrganisationPage);
