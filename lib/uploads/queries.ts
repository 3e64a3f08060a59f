import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { employerTicketScope } from "@/lib/employer/scope";
import { staffTicketScope } from "@/lib/workspace/scope";

/**
 * Which tickets' attachments this person may download: their own; for an employer contact the
 * organisation's tickets exactly as the employer pages show them (the right to see them included);
 * or the staff scope.
 */
function ticketScope(user: SessionUser): Prisma.TicketWhereInput | null {
  if (user.role === "BENEFICIARY") return { requesterId: user.id };
  if (user.role === "EMPLOYER_CONTACT") return employerTicketScope(user);
  return staffTicketScope(user);
}

/** The attachment when the session may see it; customers never get files of internal notes. */
export async function findDownloadableAttachment(user: SessionUser, attachmentId: string) {
  const scope = ticketScope(user);
  if (!scope) return null;
  const customer = user.role === "BENEFICIARY" || user.role === "EMPLOYER_CONTACT";
  return db.attachment.findFirst({
    where: {
      id: attachmentId,
      message: { ticket: scope, ...(customer ? { direction: { not: "INTERNAL" } } : {}) },
    },
    select: { id: true, fileName: true, mimeType: true, size: true, storageKey: true, message: { select: { ticketId: true } } },
  });
}
