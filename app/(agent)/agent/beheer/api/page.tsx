import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/api-tokens/api-token-forms";
import { DataTable, EmptyState } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { apiTokenFormOptions, listApiTokens } from "@/lib/api/token-queries";
import { tokenStatus } from "@/lib/api/token-rules";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.api");

async function ApiTokensPage() {
  const user = await requirePermission("integrations.manage", "/agent/beheer/api");
  const [t, format, tokens, options] = await Promise.all([getTranslations("apiTokens"), getFormatter(), listApiTokens(user), apiTokenFormOptions(user)]);
  const now = new Date();
  const when = (date: Date | null) => (date ? `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} (${format.relativeTime(date, now)})` : "—");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <CreateApiTokenForm
        staff={options.staff.map((s) => ({ id: s.id, label: s.name }))}
        organisations={options.organisations.map((o) => ({ id: o.id, label: `${o.name} (${o.externalNumber})` }))}
      />
      {tokens.length === 0 ? (
        <EmptyState>{t("list.empty")}</EmptyState>
      ) : (
        <DataTable
          caption={t("list.caption")}
          columns={[{ label: t("list.name") }, { label: t("list.prefix") }, { label: t("list.scopes") }, { label: t("list.actor") }, { label: t("list.lastUsed") }, { label: t("list.status") }, { label: t("list.actions") }]}
        >
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            return (
              <tr key={token.id} className="border-t border-slate-100 align-top" data-testid="api-token-row">
                <td className="px-3 py-2">
                  {token.name}
                  {token.organisation ? <span className="block text-xs text-slate-600">{t("list.onlyOrganisation", { name: token.organisation.name })}</span> : null}
                </td>
                <td className="px-3 py-2 font-mono text-sm">{token.prefix}…</td>
                <td className="px-3 py-2 text-sm">{token.scopes.join(", ")}</td>
                <td className="px-3 py-2 text-sm">{token.actor.name}</td>
                <td className="whitespace-nowrap px-3 py-2 text-sm">{when(token.lastUsedAt)}</td>
                <td className="px-3 py-2 text-sm">
                  {t(`status.${status}`)}
                  {status === "ACTIVE" && token.expiresAt ? <span className="block text-xs text-slate-600">{t("list.expires", { date: when(token.expiresAt) })}</span> : null}
                </td>
                <td className="px-3 py-2">{status === "ACTIVE" ? <RevokeApiTokenButton tokenId={token.id} name={token.name} /> : null}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/api", ApiTokensPage);
