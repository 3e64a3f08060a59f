import { withPageMessages } from "@/components/layout/place-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { CustomerSuccessManager } from "@/components/employer-service/customer-success-manager";
import { ChatEntry } from "@/components/chat/customer-chat-page";
import { ContactLines } from "@/components/lines/contact-lines";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getCustomerSuccessManager } from "@/lib/employer-service/queries";
import { listContactLines } from "@/lib/lines/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.contact");

async function EmployerContactPage() {
  const user = await requirePermission("employer.enter", "/werkgever/contact");
  const now = new Date();
  const locale = (await getLocale()) === "en" ? "en" : "nl";
  const [t, lines, csm] = await Promise.all([getTranslations("contactLines"), listContactLines(db, "EMPLOYER", now, locale), getCustomerSuccessManager(user)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("employerIntro")} />
      <div className="mb-6 max-w-2xl">
        <CustomerSuccessManager csm={csm} />
      </div>
      {can(user, "employer.chat.use") ? <ChatEntry user={user} portal="werkgever" closedNote /> : null}
      <ContactLines lines={lines} now={now} locale={locale} />
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/contact", EmployerContactPage);
