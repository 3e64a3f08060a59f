import "server-only";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { PendingInvitation } from "./pending-invitations";

/**
 * The rows of the pending-invitations list, formatted on the server (validity relative to `now`):
 * what the invitation grants (role or rights, from `grants`), then until when it is valid or since
 * when it has expired.
 */
export async function pendingInvitationRows<T extends { id: string; name: string; email: string; expiresAt: Date }>(
  invitations: readonly T[],
  grants: (invitation: T) => string,
  now: Date,
): Promise<PendingInvitation[]> {
  const [t, format] = await Promise.all([getTranslations("invitations"), getFormatter()]);
  const at = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return invitations.map((i) => {
    const expired = i.expiresAt <= now;
    const validity = expired ? t("expired", { at: at(i.expiresAt) }) : t("validUntil", { at: at(i.expiresAt), relative: format.relativeTime(i.expiresAt, now) });
    return { id: i.id, name: i.name, email: i.email, expired, summary: [grants(i), validity].filter(Boolean).join(" · ") };
  });
}
