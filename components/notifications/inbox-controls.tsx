"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { markAllNotificationsReadAction, openNotificationFromInbox } from "@/lib/notifications/actions";
import { NotifyAlert } from "./notify-alert";

export function MarkAllReadButton() {
  const t = useTranslations("notifyInbox");
  return <ConfirmButton testId="notifications-mark-all" label={t("markAll")} done={t("markedAll")} run={() => markAllNotificationsReadAction()} Alert={NotifyAlert} />;
}

/**
 * An item's link. Without script it goes through /agent/meldingen/[id] (marks read, then
 * redirects); with script the action marks it read and the router goes straight to the item.
 */
export function NotificationLink({ id, children, className }: { id: string; children: React.ReactNode; className?: string }) {
  const router = useRouter();
  const [reason, setReason] = useState<string | null>(null);
  return (
    <>
      <NotifyAlert reason={reason} />
      <a
        href={`/agent/meldingen/${id}`}
        data-testid="notification-link"
        className={className}
        onClick={async (event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          const result = await openNotificationFromInbox({ notificationId: id }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
          if (result.ok) router.push(result.data.href);
          else setReason(result.reason);
        }}
      >
        {children}
      </a>
    </>
  );
}
