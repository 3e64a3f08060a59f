import { getTranslations } from "next-intl/server";
import { KbForm } from "@/components/agent/kb-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.kbNew");

export default async function NewArticle() {
  await requirePermission("kb.article.manage", "/agent/kennisbank/nieuw");
  const t = await getTranslations("agentKb");
  return (
    <>
      <PageHeader title={t("new")} />
      <KbForm initial={{ kind: "ARTICLE", audience: "INTERNAL", locale: "nl", question: "", answer: "", tags: "", published: false }} />
    </>
  );
}
