import { withPageMessages } from "@/components/layout/place-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { MacroForm } from "@/components/agent/macro-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { macroCategoryOptions } from "@/lib/macros/queries";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.macroNew");

async function NewMacro() {
  await requirePermission("kb.macro.manage", "/agent/kennisbank/macros/nieuw");
  const [t, locale] = await Promise.all([getTranslations("agentMacros"), getLocale()]);
  const categories = await macroCategoryOptions(db, locale === "en" ? "en" : "nl");
  return (
    <>
      <PageHeader title={t("new")} intro={t("intro")} />
      <MacroForm initial={{ title: "", body: "", locale: "nl", setStatus: "", setCategoryKey: "", active: true }} categories={categories} />
    </>
  );
}

export default withPageMessages("app/(agent)/agent/kennisbank/macros/nieuw", NewMacro);
