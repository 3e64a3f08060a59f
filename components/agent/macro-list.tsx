import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { MacroRow } from "@/lib/macros/queries";

/** The knowledge base's third section: answer templates, for everyone to read, editable by leads. */
export async function MacroList({ macros, manager }: { macros: MacroRow[]; manager: boolean }) {
  const [t, tStatus, locale] = await Promise.all([getTranslations("agentMacros"), getTranslations("staffStatus"), getLocale()]);
  return (
    <section aria-labelledby="macros-heading" className="mt-8">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="macros-heading" className="text-xl font-semibold">{t("title")}</h2>
        {manager ? (
          <Link href="/agent/kennisbank/macros/nieuw" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800">
            {t("new")}
          </Link>
        ) : null}
      </div>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {macros.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-3" data-testid="macro-list">
          {macros.map((m) => {
            const changes = [
              m.setStatus ? t("setsStatus", { status: tStatus(m.setStatus) }) : null,
              m.setCategory ? t("setsCategory", { category: locale === "en" ? m.setCategory.nameEn : m.setCategory.nameNl }) : null,
            ].filter(Boolean);
            return (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h3 className="font-semibold">{manager ? <Link href={`/agent/kennisbank/macros/${m.id}`}>{m.title}</Link> : m.title}</h3>
                <p className="mt-1 text-xs text-slate-600">
                  {m.locale.toUpperCase()}
                  {changes.length ? ` · ${changes.join(", ")}` : ""}
                  {m.active ? "" : ` · ${t("inactive")}`}
                </p>
                <p className="mt-2 line-clamp-3 whitespace-pre-wrap text-sm text-slate-800">{m.body}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
