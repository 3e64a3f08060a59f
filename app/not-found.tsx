import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

// The tab says what the page says ("Pagina niet gevonden · Loket"), not only the brand.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors");
  return { title: t("notFoundTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="mx-auto mt-16 max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("notFoundBody")}</p>
      <p className="mt-6">
        <Link href="/">{t("home")}</Link>
      </p>
    </main>
  );
}
