import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { DeactivateButton, InviteForm, RightsForm, TwoFactorSettingForm } from "@/components/werkgever/account-forms";
import { pendingInvitationRows } from "@/components/account/pending-invitation-rows";
import { PendingInvitations } from "@/components/account/pending-invitations";
import { PageHeader } from "@/components/ui/page-header";
import { resendInviteAction, withdrawInviteAction } from "@/lib/organisations/actions";
import { requirePermission } from "@/lib/auth/session";
import { getOrganisationSecurity, listOpenInvitations, listOrganisationAccounts } from "@/lib/organisations/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.accounts");

async function AccountsPage() {
  const user = await requirePermission("employer.users.manage", "/werkgever/accounts");
  // Rights management is for MANAGE_USERS holders only; others get "not found", not a hint.
  const now = new Date();
  const [t, accounts, invitations, security] = await Promise.all([
    getTranslations("werkgever.accounts"),
    listOrganisationAccounts(user),
    listOpenInvitations(user, now),
    getOrganisationSecurity(user),
  ]);
  const invitationRows = await pendingInvitationRows(invitations, (i) => i.rights.map((r) => t(`right.${r}`)).join(", "), now);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading" className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
          <ul className="space-y-3">
            {accounts.map((m) => (
              <li key={m.user.id} data-testid="account" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <p className="font-semibold">
                  {m.user.name} <span className="font-normal text-slate-600">· {m.user.email}</span>
                  {m.user.active ? null : <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">{t("inactive")}</span>}
                </p>
                {m.user.active ? (
                  <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
                    <RightsForm userId={m.user.id} name={m.user.name} rights={m.rights} hrProfessional={m.hrProfessional} />
                    <DeactivateButton userId={m.user.id} name={m.user.name} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {invitations.length > 0 ? (
            <>
              <h2 className="mb-3 mt-8 text-lg font-semibold">{t("openInvitations")}</h2>
              <PendingInvitations resend={resendInviteAction} withdraw={withdrawInviteAction} invitations={invitationRows} />
            </>
          ) : null}
        </section>
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="mb-3 text-lg font-semibold">{t("inviteTitle")}</h2>
          <InviteForm />
          <h2 className="mb-3 mt-8 text-lg font-semibold">{t("twoFactorTitle")}</h2>
          <TwoFactorSettingForm required={security.twoFactorRequired} />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/accounts", AccountsPage);
