import { getLocale, getTranslations } from "next-intl/server";
import { ContactLines } from "@/components/lines/contact-lines";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listContactLines } from "@/lib/lines/queries";

export default async function EmployerContactPage() {
  await requirePermission("employer.enter", "/werkgever/contact");
  const now = new Date();
  const locale = (await getLocale()) === "en" ? "en" : "nl";
  const [t, lines] = await Promise.all([getTranslations("contactLines"), listContactLines(db, "EMPLOYER", now, locale)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("employerIntro")} />
      <ContactLines lines={lines} now={now} locale={locale} />
    </>
  );
}
