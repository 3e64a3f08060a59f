import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { ActiveToggle, InviteStaffForm, ResetTwoFactorButton, StaffEditForm } from "@/components/staff/staff-forms";
import { DataTable } from "@/components/ui/data-table";
import { pendingInvitationRows } from "@/components/account/pending-invitation-rows";
import { PendingInvitations } from "@/components/account/pending-invitations";
import { PageHeader } from "@/components/ui/page-header";
import { resendStaffInviteAction, withdrawStaffInviteAction } from "@/lib/staff/actions";
import { requirePermission } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/rules";
import { listOpenStaffInvitations, listStaff, listTeams } from "@/lib/staff/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.staff");

export const dynamic = "force-dynamic";

async function StaffPage() {
  const user = await requirePermission("staff.manage", "/agent/beheer/medewerkers");
  const now = new Date();
  const [t, tr, format, staff, teams, invitations] = await Promise.all([
    getTranslations("staffAdmin"),
    getTranslations("roles"),
    getFormatter(),
    listStaff(user),
    listTeams(user),
    listOpenStaffInvitations(user, now),
  ]);
  const invitationRows = await pendingInvitationRows(invitations, (i) => tr(i.role), now);
  const lastLogin = (date: Date) => (
    <>
      {format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}
      <span className="block text-slate-600">{format.relativeTime(date, now)}</span>
    </>
  );
  const teamOptions = teams.map((team) => ({ id: team.id, name: team.name }));
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-8">
        <section aria-labelledby="staff-heading">
          <h2 id="staff-heading" className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
          <DataTable
            caption={t("listTitle")}
            testId="staff-table"
            columns={[{ label: t("columns.person") }, { label: t("columns.role") }, { label: t("columns.teams") }, { label: t("columns.twoFactor") }, { label: t("columns.status") }, { label: t("columns.lastLogin") }, { label: t("columns.actions") }]}
          >
            {staff.map((s) => (
              <tr key={s.id} data-testid="staff-row" className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <span className="font-medium">{s.name}</span>
                  <span className="block text-slate-600">{s.email}</span>
                </td>
                <td className="px-3 py-2">{tr(s.role)}</td>
                <td className="px-3 py-2">{s.teams.map((m) => m.team.name).join(", ") || "—"}</td>
                <td className="px-3 py-2">{s.totpEnabledAt ? t("totpSince", { since: format.dateTime(s.totpEnabledAt, { dateStyle: "medium" }) }) : t("totpNone")}</td>
                <td className="px-3 py-2">{s.active ? t("active") : <span className="font-semibold text-red-800">{t("inactive")}</span>}</td>
                <td className="px-3 py-2">{s.lastLoginAt ? lastLogin(s.lastLoginAt) : t("never")}</td>
                <td className="px-3 py-2">
                  <details>
                    <summary className="cursor-pointer whitespace-nowrap text-brand-700 underline">
                      {t("manageShort")}
                      <span className="sr-only"> {s.name}</span>
                    </summary>
                    <div className="mt-3 w-64 space-y-4">
                      <StaffEditForm user={{ id: s.id, name: s.name, role: s.role, teamIds: s.teams.map((m) => m.team.id) }} roles={STAFF_ROLES} teams={teamOptions} />
                      <ActiveToggle userId={s.id} name={s.name} active={s.active} />
                      {s.totpEnabledAt ? <ResetTwoFactorButton userId={s.id} name={s.name} /> : null}
                    </div>
                  </details>
                </td>
              </tr>
            ))}
          </DataTable>
          {invitations.length > 0 ? (
            <>
              <h2 className="mb-3 mt-8 text-lg font-semibold">{t("openInvitations")}</h2>
              <PendingInvitations resend={resendStaffInviteAction} withdraw={withdrawStaffInviteAction} invitations={invitationRows} />
            </>
          ) : null}
        </section>
        <section aria-labelledby="invite-heading" className="max-w-xl">
          <h2 id="invite-heading" className="mb-3 text-lg font-semibold">{t("inviteTitle")}</h2>
          <InviteStaffForm roles={STAFF_ROLES} teams={teamOptions} />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/medewerkers", StaffPage);
