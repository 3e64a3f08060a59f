import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { isCustomer, sessionTicketScope } from "@/lib/tickets/session-scope";

/** The attachment when the session may see it (sessionTicketScope); customers never get files of internal notes. */
export async function findDownloadableAttachment(user: SessionUser, attachmentId: string) {
  const scope = sessionTicketScope(user);
  if (!scope) return null;
  return db.attachment.findFirst({
    where: {
      id: attachmentId,
      message: { ticket: scope, ...(isCustomer(user) ? { direction: { not: "INTERNAL" } } : {}) },
    },
    select: { id: true, fileName: true, mimeType: true, size: true, storageKey: true, message: { select: { ticketId: true } } },
  });
}
