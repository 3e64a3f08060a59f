import { withPageMessages } from "@/components/layout/place-messages";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { MacroList } from "@/components/agent/macro-list";
import { Pager } from "@/components/agent/pager";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { KB_PAGE_SIZE, searchStaffArticles } from "@/lib/kb/queries";
import { listMacros } from "@/lib/macros/queries";
import { firstParam } from "@/lib/util/url-params";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.kb");

async function KnowledgeBase({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("kb.read", "/agent/kennisbank");
  // A repeated parameter arrives as an array; the first value counts.
  const params = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, firstParam(value)]));
  const q = (params.q ?? "").slice(0, 200);
  const kind = params.kind === "ARTICLE" || params.kind === "CALL_SCRIPT" ? params.kind : undefined;
  const page = Math.max(0, Math.min(10_000, Number.parseInt(params.page ?? "0", 10) || 0));
  const manager = can(user, "kb.article.manage");
  const macroManager = can(user, "kb.macro.manage");
  const [t, result, macros] = await Promise.all([
    getTranslations("agentKb"),
    searchStaffArticles(db, { query: q, kind, page, includeDrafts: manager }),
    listMacros(db, { includeInactive: macroManager }),
  ]);
  // Macros are few (templates, not knowledge): the search words filter them here.
  const words = q.toLowerCase().split(/\s+/).filter((w) => w.length >= 2);
  const shownMacros = words.length ? macros.filter((m) => words.some((w) => `${m.title} ${m.body}`.toLowerCase().includes(w))) : macros;
  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={manager ? <Link href="/agent/kennisbank/nieuw" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800">{t("new")}</Link> : undefined}
      />
      <form method="get" role="search" aria-label={t("search")} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_12rem_auto]">
        <div>
          <label htmlFor="kb-q" className="text-sm font-medium">{t("search")}</label>
          <input id="kb-q" name="q" type="search" defaultValue={q} className={field} />
        </div>
        <div>
          <label htmlFor="kb-kind-filter" className="text-sm font-medium">{t("kind")}</label>
          <select id="kb-kind-filter" name="kind" defaultValue={kind ?? ""} className={field}>
            <option value="">{t("allKinds")}</option>
            <option value="ARTICLE">{t("kinds.ARTICLE")}</option>
            <option value="CALL_SCRIPT">{t("kinds.CALL_SCRIPT")}</option>
          </select>
        </div>
        <button type="submit" className="self-end rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">{t("find")}</button>
      </form>
      {result.items.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="kb-list">
          {result.items.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="font-semibold">
                <Link href={`/agent/kennisbank/${a.id}`}>{a.question}</Link>
              </h2>
              <p className="mt-1 text-xs text-slate-600">
                {t(`kinds.${a.kind}`)} · {t(`audiences.${a.audience}`)} · {a.locale.toUpperCase()}
                {a.published ? "" : ` · ${t("draft")}`}
                {a.tags.length ? ` · ${a.tags.join(", ")}` : ""}
              </p>
              <p className="mt-2 line-clamp-3 whitespace-pre-wrap text-sm text-slate-800">{a.answer}</p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={Math.max(1, Math.ceil(result.total / KB_PAGE_SIZE))} params={{ ...(q ? { q } : {}), ...(kind ? { kind } : {}) }} basePath="/agent/kennisbank" />
      {page === 0 && !kind ? <MacroList macros={shownMacros} manager={macroManager} /> : null}
    </>
  );
}

export default withPageMessages("app/(agent)/agent/kennisbank", KnowledgeBase);
