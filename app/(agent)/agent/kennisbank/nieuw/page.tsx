import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KbForm } from "@/components/agent/kb-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlaceUser } from "@/lib/auth/place";
import { mayManageKb } from "@/lib/kb/rules";

export default async function NewArticle() {
  const user = await requirePlaceUser("agent", "/agent/kennisbank/nieuw");
  if (!mayManageKb(user.role)) notFound();
  const t = await getTranslations("agentKb");
  return (
    <>
      <PageHeader title={t("new")} />
      <KbForm initial={{ kind: "ARTICLE", audience: "INTERNAL", locale: "nl", question: "", answer: "", tags: "", published: false }} />
    </>
  );
}
