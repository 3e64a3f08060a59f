import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { CreateTeamForm, RenameTeamForm } from "@/components/staff/team-forms";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listTeams } from "@/lib/staff/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.teams");

export const dynamic = "force-dynamic";

async function TeamsPage() {
  const user = await requirePermission("staff.manage", "/agent/beheer/teams");
  const [t, teams] = await Promise.all([getTranslations("teamsAdmin"), listTeams(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {/* minmax(0, …): the teams table scrolls in its own box on a phone instead of widening the column. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading" className="mb-3 text-lg font-semibold">{t("listTitle")}</h2>
          {teams.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <DataTable caption={t("listTitle")} testId="teams-table" columns={[{ label: t("columns.name") }, { label: t("columns.key") }, { label: t("columns.members"), align: "right" }, { label: t("columns.rename") }]}>
              {teams.map((team) => (
                <tr key={team.id} data-testid="team-row" className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 font-medium">{team.name}</td>
                  <td className="px-3 py-2 font-mono">{team.key}</td>
                  <td className="px-3 py-2 text-right">{team.members}</td>
                  <td className="px-3 py-2">
                    <RenameTeamForm team={{ id: team.id, name: team.name }} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
        <section aria-labelledby="create-heading">
          <h2 id="create-heading" className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
          <CreateTeamForm />
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/teams", TeamsPage);
