"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { retryMailAction } from "@/lib/mail/actions";

export function RetryMailButton({ id }: { id: string }) {
  const t = useTranslations("leadMail");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await retryMailAction({ id }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
            setError(result.ok ? null : result.reason === "NOT_FAILED" ? t("errors.NOT_FAILED") : t("errors.GENERIC"));
          })
        }
        className="rounded border border-brand-700 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {t("retry")}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
