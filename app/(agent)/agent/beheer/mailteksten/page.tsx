import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { MailTemplateCard } from "@/components/templates/mail-template-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadTemplatesAdmin } from "@/lib/mail-templates/queries";
import { TEMPLATE_KEYS } from "@/lib/mail-templates/registry";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin.templates");

export const dynamic = "force-dynamic";

/** The admin rewords the mails Loket sends by itself, per language, with a live preview. */
async function MailTemplatesPage() {
  await requirePermission("settings.manage", "/agent/beheer/mailteksten");
  const [t, rows] = await Promise.all([getTranslations("mailTemplates"), loadTemplatesAdmin(db)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="space-y-6">
        {TEMPLATE_KEYS.map((key) => {
          const of = (locale: "nl" | "en") => {
            const row = rows.find((r) => r.key === key && r.locale === locale)!;
            return { subject: row.subject, body: row.body, custom: row.custom, updatedAt: row.updatedAt };
          };
          return <MailTemplateCard key={key} templateKey={key} rows={{ nl: of("nl"), en: of("en") }} />;
        })}
      </div>
    </>
  );
}

export default withPageMessages("app/(agent)/agent/beheer/mailteksten", MailTemplatesPage);
