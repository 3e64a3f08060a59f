"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { takeAction } from "@/lib/queue/actions";
import { useErrorText } from "./use-action-errors";

export function TakeButton({ ticketId }: { ticketId: string }) {
  const t = useTranslations("agentQueue");
  const errorText = useErrorText("agentQueue");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await takeAction({ ticketId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
            if (result.ok) router.refresh();
            else setError(errorText(result.reason));
          })
        }
        className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {t("take")}
      </button>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
