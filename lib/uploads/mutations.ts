import "server-only";
import { audit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";

/** One insert per download: who took which file of which ticket (DESIGN: Security, downloads). */
export function recordDownload(actorId: string, attachment: { id: string; ticketId: string }): Promise<void> {
  return audit(db, { actorId, action: "attachment.downloaded", entityType: "Attachment", entityId: attachment.id, ticketId: attachment.ticketId, data: { ticketId: attachment.ticketId } });
}
