import { withPageMessages } from "@/components/layout/place-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { UrgentForm } from "@/components/werkgever/urgent-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { findOpenPreAnnouncement } from "@/lib/employer/queries";
import { getUrgentPolicy } from "@/lib/urgent/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.urgent");

async function UrgentPage() {
  const user = await requirePermission("employer.request.submit", "/werkgever/spoed");
  const [t, format, announced, policy, locale] = await Promise.all([getTranslations("werkgever.urgent"), getFormatter(), findOpenPreAnnouncement(user), getUrgentPolicy(), getLocale()]);
  // Say what the clock really is (an admin may change the policy), never a fixed "24 uur".
  const intro =
    policy.unit === "OPENING_HOURS"
      ? t("intro", { hours: policy.amount, line: (locale === "en" ? policy.lineNameEn : policy.lineNameNl) ?? "" })
      : policy.unit === "CALENDAR_HOURS"
        ? t("introCalendar", { hours: policy.amount })
        : t("introWorking", { hours: policy.amount, unit: policy.unit });
  return (
    <>
      <PageHeader title={t("title")} intro={intro} />
      <div role="note" data-testid="pre-announcement" className={`mb-4 max-w-2xl rounded border px-4 py-3 text-sm ${announced ? "border-green-300 bg-green-50 text-green-900" : "border-slate-300 bg-white text-slate-700"}`}>
        {announced
          ? t("preAnnounced", { subject: announced.subject, at: format.dateTime(announced.createdAt, { dateStyle: "medium", timeStyle: "short" }) })
          : t("notPreAnnounced")}
      </div>
      <UrgentForm />
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/spoed", UrgentPage);
