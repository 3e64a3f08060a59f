import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links that keep the current filters. */
export async function Pager({ page, pageCount, params, basePath }: { page: number; pageCount: number; params: Record<string, string>; basePath: string }) {
  const t = await getTranslations("agentQueue");
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between text-sm">
      {page > 0 ? <Link href={href(page - 1)}>{t("previous")}</Link> : <span aria-hidden="true" />}
      <span className="text-slate-600">{t("pageOf", { page: page + 1, count: pageCount })}</span>
      {page + 1 < pageCount ? <Link href={href(page + 1)}>{t("next")}</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
