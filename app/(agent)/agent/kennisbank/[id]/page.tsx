import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { KbForm } from "@/components/agent/kb-form";
import { When } from "@/components/agent/when";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getStaffArticle } from "@/lib/kb/queries";
import { recordTitle } from "@/lib/i18n/page-title";

// One read for the tab title (the question) and the page; drafts only for those who manage articles.
const staffArticle = cache(getStaffArticle);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return recordTitle("kb.read", (user) => staffArticle(db, id, can(user, "kb.article.manage")), (article) => article.question, "agent.kbArticle");
}

async function Article({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("kb.read", `/agent/kennisbank/${id}`);
  const manager = can(user, "kb.article.manage");
  const article = await staffArticle(db, id, manager);
  if (!article) notFound();
  const t = await getTranslations("agentKb");
  return (
    <>
      <PageHeader title={article.question} intro={`${t(`kinds.${article.kind}`)} · ${t(`audiences.${article.audience}`)}${article.published ? "" : ` · ${t("draft")}`}`} />
      <p className="mb-4 text-sm"><Link href="/agent/kennisbank">{t("back")}</Link></p>
      {/* Rendered as text: whatever was typed, including markup, shows as typed. */}
      <article className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="whitespace-pre-wrap text-slate-900" data-testid="kb-answer">{article.answer}</p>
        <p className="mt-3 text-xs text-slate-600">
          {article.tags.join(", ")} · {t("updated")} <When date={article.updatedAt} />
          {article.author ? ` · ${article.author.name}` : ""}
        </p>
      </article>
      {manager ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading" className="mb-2 text-lg font-semibold">{t("edit")}</h2>
          <KbForm initial={{ id: article.id, kind: article.kind, audience: article.audience, locale: article.locale, question: article.question, answer: article.answer, tags: article.tags.join(", "), published: article.published }} />
        </section>
      ) : null}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/kennisbank/[id]", Article);
