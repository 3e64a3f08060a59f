import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PlaceMessages } from "@/components/layout/place-messages";
import { loadBrand } from "@/lib/brand/queries";
import { brandCssVariables } from "@/lib/brand/rules";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, brand] = await Promise.all([getTranslations("app"), loadBrand()]);
  return { title: { default: brand.name, template: `%s · ${brand.name}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, brand] = await Promise.all([getLocale(), loadBrand()]);
  return (
    <html lang={locale}>
      {/* The admin's colours replace the theme's brand shades (globals.css) on every page. */}
      <body className="min-h-screen" style={brandCssVariables(brand)}>
        {/* Only the error page's messages here; each place's layout hands its own client components theirs. */}
        <PlaceMessages place="root">{children}</PlaceMessages>
      </body>
    </html>
  );
}
