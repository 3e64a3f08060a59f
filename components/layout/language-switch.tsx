"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/preferences/actions";

/** "dark" sits on the coloured header, "light" on the white login page. */
export function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const t = useTranslations("app");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other = locale === "nl" ? "en" : "nl";
  return (
    <button
      type="button"
      lang={other}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setLocale(other);
          router.refresh();
        })
      }
      className={`rounded px-2 py-1 text-sm underline-offset-2 hover:underline disabled:opacity-60 ${
        tone === "dark" ? "text-brand-50" : "text-brand-700"
      }`}
    >
      {t("switchTo")}
    </button>
  );
}
