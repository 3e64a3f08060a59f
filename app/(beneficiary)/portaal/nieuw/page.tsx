import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { NewMessageForm } from "@/components/portaal/new-message-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("portal.new");

async function NewMessagePage() {
  await requirePermission("portal.ticket.create", "/portaal/nieuw");
  const t = await getTranslations("portaal.newMessage");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <NewMessageForm />
    </>
  );
}

export default withPageMessages("app/(beneficiary)/portaal/nieuw", NewMessagePage);
