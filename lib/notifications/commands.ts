import "server-only";
import { defineTxAction, defineTxDataAction } from "@/lib/actions/transactional";
import { markAllRead, NotificationError, openNotification, savePreferences } from "./mutations";
import { markAllSchema, notificationIdSchema, preferencesSchema } from "./schema";

const refusals = [NotificationError];

/** Marks one's own notification read and hands back where it leads (the inbox opens it). */
export const openNotificationAction = defineTxDataAction({
  name: "notification.open",
  schema: notificationIdSchema,
  permission: "account.notifications.manage",
  refusals,
  run: (tx, input, { user, now }) => openNotification(tx, user.id, input.notificationId, now),
});

export const markAllNotificationsRead = defineTxAction({
  name: "notification.read_all",
  schema: markAllSchema,
  permission: "account.notifications.manage",
  refusals,
  run: (tx, _input, { user, now }) => markAllRead(tx, user.id, now),
});

export const saveNotificationPreferences = defineTxAction({
  name: "notification.preferences",
  schema: preferencesSchema,
  permission: "account.notifications.manage",
  refusals,
  run: (tx, input, { user }) => savePreferences(tx, user.id, input.choices),
});
