import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { preferencesOf } from "@/lib/notifications/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.notificationPrefs");

export const dynamic = "force-dynamic";

async function NotificationPreferencesPage() {
  const user = await requirePermission("account.notifications.manage", "/agent/meldingen/voorkeuren");
  const [t, preferences] = await Promise.all([getTranslations("notifyPrefs"), preferencesOf(user.id)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} actions={<Link href="/agent/meldingen" className="text-sm">{t("back")}</Link>} />
      <PreferencesForm preferences={preferences} />
    </>
  );
}

export default withPageMessages("app/(agent)/agent/meldingen/voorkeuren", NotificationPreferencesPage);
