import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

export async function Pagination({ page, total, pageSize, basePath }: { page: number; total: number; pageSize: number; basePath: string }) {
  const t = await getTranslations("werkgever.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => `${basePath}?pagina=${p + 1}`;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-4 text-sm">
      {page > 0 ? <Link href={href(page - 1)}>{t("previous")}</Link> : null}
      <span>{t("page", { page: page + 1, pages })}</span>
      {page + 1 < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : null}
    </nav>
  );
}

/** `?pagina=2` → 1; anything odd → 0. */
export function pageFrom(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n - 1 : 0;
}
