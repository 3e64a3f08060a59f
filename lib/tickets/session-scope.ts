import "server-only";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "@/lib/auth/queries";
import { employerTicketScope } from "@/lib/employer/scope";
import { staffTicketScope } from "@/lib/workspace/scope";

/**
 * Which tickets this person may open, whoever they are: their own; for an employer contact the
 * organisation's tickets exactly as the employer pages show them (the right to see them included);
 * or the staff scope. For what any signed-in person may download (attachments, letters).
 */
export function sessionTicketScope(user: SessionUser): Prisma.TicketWhereInput | null {
  if (user.role === "BENEFICIARY") return { requesterId: user.id };
  if (user.role === "EMPLOYER_CONTACT") return employerTicketScope(user);
  return staffTicketScope(user);
}

/** A customer sees no internal notes (nor their files). */
export const isCustomer = (user: SessionUser) => user.role === "BENEFICIARY" || user.role === "EMPLOYER_CONTACT";
