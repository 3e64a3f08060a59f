import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction, refusalCode } from "@/lib/actions/transactional";
import { db } from "@/lib/db/client";
import { markAllRead, NotificationError, openNotification, savePreferences } from "./mutations";
import { markAllSchema, notificationIdSchema, preferencesSchema } from "./schema";

const refusals = [NotificationError];

/** Marks one's own notification read and hands back where it leads (the inbox opens it). */
export const openNotificationAction = defineAction({
  name: "notification.open",
  schema: notificationIdSchema,
  permission: "account.notifications.manage",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => openNotification(tx, user.id, input.notificationId, now)));
    } catch (error) {
      const code = refusalCode(error, refusals);
      if (code) return fail(code);
      throw error;
    }
  },
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
