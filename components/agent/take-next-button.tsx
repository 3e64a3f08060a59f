"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { takeNextAction } from "@/lib/queue/actions";

export function TakeNextButton() {
  const t = useTranslations("agentQueue");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await takeNextAction({}).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
            if (result.ok) {
              router.push(`/agent/tickets/${result.data.id}`);
              return;
            }
            setError(result.reason === "QUEUE_EMPTY" ? t("errors.QUEUE_EMPTY") : t("errors.GENERIC"));
          })
        }
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("taking") : t("takeNext")}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
