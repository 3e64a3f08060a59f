import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChatEntry } from "@/components/chat/customer-chat-page";
import { ContactLines } from "@/components/lines/contact-lines";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listPublicFaq } from "@/lib/kb/queries";
import { listContactLines } from "@/lib/lines/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("portal.contact");

async function ContactPage() {
  const user = await requirePermission("portal.enter", "/portaal/contact");
  const now = new Date();
  const locale = (await getLocale()) === "en" ? "en" : "nl";
  const [t, lines, faq] = await Promise.all([getTranslations("portaal.contact"), listContactLines(db, "BENEFICIARY", now, locale), listPublicFaq(db, locale)]);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {can(user, "portal.chat.use") ? <ChatEntry user={user} portal="portaal" closedNote /> : null}
      <ContactLines lines={lines} now={now} locale={locale} />
      <p className="mt-4"><Link href="/portaal/nieuw">{t("write")}</Link></p>
      <section aria-labelledby="faq-title" className="mt-8">
        <h2 id="faq-title" className="mb-3 text-lg font-semibold">{t("faq")}</h2>
        {faq.length === 0 ? <p className="text-slate-700">{t("noFaq")}</p> : null}
        <div className="space-y-2">
          {faq.map((a) => (
            <details key={a.id} className="rounded border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer font-medium text-slate-900">{a.question}</summary>
              <p className="mt-2 text-slate-800">{a.answer}</p>
            </details>
          ))}
        </div>
      </section>
    </>
  );
}

export default withPageMessages("app/(beneficiary)/portaal/contact", ContactPage);
