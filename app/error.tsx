"use client";
import { useTranslations } from "next-intl";

// Never shows the error's text: it may hold internals. The digest lets support find the log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto mt-16 max-w-xl rounded-lg border border-slate-200 bg-white p-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">ref: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white">
        {t("retry")}
      </button>
    </main>
  );
}
