"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { formatTime } from "@/lib/calendar/format";

/**
 * Keeps the queue current without a manual reload: polls a small fingerprint of the page on screen
 * (`query`: its filters and page number) and refreshes the server-rendered page only when it
 * changed. The page hands over the fingerprint of what it rendered (`rendered`), so the first poll
 * waits one interval instead of asking again for what the page just read. Pauses while the tab is
 * hidden.
 */
export function QueuePoller({ query, rendered, intervalMs = 10_000 }: { query: string; rendered: string; intervalMs?: number }) {
  const router = useRouter();
  const t = useTranslations("agentQueue");
  const last = useRef<string | null>(rendered);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  useEffect(() => {
    // A refresh renders the page anew: what it rendered is the new baseline.
    last.current = rendered;
  }, [rendered]);
  useEffect(() => {
    let stopped = false;
    async function poll() {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(`/api/agent/queue${query ? `?${query}` : ""}`, { cache: "no-store" });
        if (!response.ok) return;
        const { fingerprint } = (await response.json()) as { fingerprint: string };
        if (stopped) return;
        if (last.current !== null && last.current !== fingerprint) {
          router.refresh();
          setUpdatedAt(formatTime(new Date()));
        }
        last.current = fingerprint;
      } catch {
        // A missed poll is harmless; the next one catches up.
      }
    }
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [router, intervalMs, query]);
  return (
    <p className="text-xs text-slate-600" aria-live="polite" data-testid="queue-live">
      {updatedAt ? t("updated", { time: updatedAt }) : t("live")}
    </p>
  );
}
