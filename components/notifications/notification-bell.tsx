"use client";
import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const POLL_MS = 15_000;

/**
 * The bell in the staff header. It polls a small count route every 15 seconds while the tab is
 * visible, and at once on focus and on every navigation (the layout holding it is not re-rendered
 * when one moves between pages, so reading an item would otherwise leave the old number).
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations("notifyBell");
  const pathname = usePathname();
  const [unread, setUnread] = useState(initialUnread);

  useEffect(() => {
    let stopped = false;
    const refresh = async () => {
      try {
        const response = await fetch("/api/agent/notifications/unread", { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { unread?: unknown };
        if (!stopped && typeof body.unread === "number") setUnread(body.unread);
      } catch {
        // Offline or restarting: keep the last number, try again on the next tick.
      }
    };
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
    };
  }, [pathname]);

  const label = t("unread", { count: unread });
  return (
    <>
      <Link
        href="/agent/meldingen"
        data-testid="notification-bell"
        className="relative inline-flex items-center rounded px-1 py-1 text-white no-underline hover:bg-brand-600 hover:no-underline"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        <span className="sr-only">
          {t("label")}, {label}
        </span>
        {unread > 0 ? (
          <span aria-hidden="true" data-testid="notification-badge" className="absolute -right-2 -top-1 min-w-5 rounded-full bg-white px-1 text-center text-xs font-bold leading-5 text-brand-800">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
      {/* Announced when the number changes (not on page load): a live region's first content is not read. */}
      <span className="sr-only" aria-live="polite" data-testid="notification-count">
        {label}
      </span>
    </>
  );
}
