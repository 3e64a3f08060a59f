import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { SsoSettingsForm } from "@/components/sso/sso-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { loadSsoOverview } from "@/lib/sso/queries";

export const generateMetadata = pageTitle("admin.sso");

export const dynamic = "force-dynamic";

async function SsoSettingsPage() {
  await requirePermission("integrations.manage", "/agent/beheer/inloggen");
  const [t, overview] = await Promise.all([getTranslations("sso.admin"), loadSsoOverview()]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-6">
        <section aria-labelledby="sso-staff" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="sso-staff" className="text-lg font-semibold">{t("staffHeading")}</h2>
          <div className="mb-4 mt-1 space-y-1 text-sm text-slate-700">
            {overview.staff ? (
              <>
                <p>{t("configured", { issuer: overview.staff.issuer })}</p>
                <p>{t("redirectUri", { uri: overview.staff.redirectUri })}</p>
                <p>{t("linkedCount", { count: overview.staff.linked })}</p>
              </>
            ) : (
              <p>{t("notConfigured")}</p>
            )}
            <p>{overview.breakGlass.length ? t("breakGlass", { emails: overview.breakGlass.join(", ") }) : t("breakGlassNone")}</p>
          </div>
          <SsoSettingsForm initial={overview.settings} />
        </section>
        <section aria-labelledby="sso-citizen" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="sso-citizen" className="text-lg font-semibold">{t("citizenHeading")}</h2>
          <div className="mt-1 space-y-1 text-sm text-slate-700">
            {overview.citizen ? (
              <>
                <p>{t("configured", { issuer: overview.citizen.issuer })}</p>
                <p>{t("redirectUri", { uri: overview.citizen.redirectUri })}</p>
                <p>{t("claims", { bsn: overview.citizen.bsnClaim, kvk: overview.citizen.kvkClaim, rsin: overview.citizen.rsinClaim })}</p>
                <p>{t("linkedCount", { count: overview.citizen.linked })}</p>
              </>
            ) : (
              <p>{t("citizenNotConfigured")}</p>
            )}
          </div>
        </section>
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/inloggen", SsoSettingsPage);
