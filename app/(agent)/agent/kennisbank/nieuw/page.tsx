import { withPageMessages } from "@/components/layout/place-messages";
import { getTranslations } from "next-intl/server";
import { KbForm } from "@/components/agent/kb-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.kbNew");

async function NewArticle() {
  await requirePermission("kb.article.manage", "/agent/kennisbank/nieuw");
  const t = await getTranslations("agentKb");
  return (
    <>
      <PageHeader title={t("new")} />
      <KbForm initial={{ kind: "ARTICLE", audience: "INTERNAL", locale: "nl", question: "", answer: "", tags: "", published: false }} />
    </>
  );
}

export default withPageMessages("app/(agent)/agent/kennisbank/nieuw", NewArticle);
