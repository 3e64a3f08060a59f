import { withPageMessages } from "@/components/layout/place-messages";
import { notFound, redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { openNotificationAction } from "@/lib/notifications/commands";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("agent.notification");

export const dynamic = "force-dynamic";

/**
 * A notification's own address, as mailed links and the inbox without script use it: marks it
 * read and goes on to its item. Someone else's, or one that does not exist, is a 404.
 */
async function OpenNotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("account.notifications.manage", `/agent/meldingen/${encodeURIComponent(id)}`);
  const result = await openNotificationAction.execute(user, { notificationId: id }, new Date());
  if (!result.ok) notFound();
  redirect(result.data.href);
}

export default withPageMessages("app/(agent)/agent/meldingen/[id]", OpenNotificationPage);
