import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { MacroForm } from "@/components/agent/macro-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getMacro, macroCategoryOptions } from "@/lib/macros/queries";
import { recordTitle, titleText } from "@/lib/i18n/page-title";

// One read for the tab title and the page.
const macroById = cache(getMacro);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("kb.macro.manage", () => macroById(db, id), (macro) => titleText("agent.macroNamed", { title: macro.title }), "agent.macro");
}

async function Macro({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("kb.macro.manage", `/agent/kennisbank/macros/${id}`);
  const macro = await macroById(db, id);
  if (!macro) notFound();
  const [t, locale] = await Promise.all([getTranslations("agentMacros"), getLocale()]);
  const categories = await macroCategoryOptions(db, locale === "en" ? "en" : "nl");
  return (
    <>
      <PageHeader title={macro.title} intro={t("edit")} />
      <p className="mb-4 text-sm"><Link href="/agent/kennisbank#macros-heading">{t("back")}</Link></p>
      <MacroForm
        initial={{ id: macro.id, title: macro.title, body: macro.body, locale: macro.locale, setStatus: macro.setStatus ?? "", setCategoryKey: macro.setCategory?.key ?? "", active: macro.active }}
        categories={categories}
      />
    </>
  );
}

export default withPageMessages("app/(agent)/agent/kennisbank/macros/[id]", Macro);
