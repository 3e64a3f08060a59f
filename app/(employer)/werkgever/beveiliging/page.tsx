import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { TotpEnrolment } from "@/components/auth/totp-enrolment";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { getTwoFactorStatus } from "@/lib/employer/security-queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.security");

async function SecurityPage() {
  const user = await requirePermission("employer.enter", "/werkgever/beveiliging");
  const [t, format, status] = await Promise.all([getTranslations("werkgeverAuth.enrol"), getFormatter(), getTwoFactorStatus(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={status.organisationRequires ? t("introRequired") : t("intro")} />
      <section className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {status.totpEnabledAt ? (
          <p data-testid="totp-status">
            {t("active", { since: format.dateTime(status.totpEnabledAt, { dateStyle: "medium" }), left: status.recoveryCodesLeft })}
          </p>
        ) : (
          <TotpEnrolment />
        )}
      </section>
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/beveiliging", SecurityPage);
