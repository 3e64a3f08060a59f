import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";

/** The signed-in person's own two-factor state, and whether their organisation demands it. */
export async function getTwoFactorStatus(user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpEnabledAt: true, recoveryCodes: true, memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { organisation: { select: { twoFactorRequired: true } } } } },
  });
  return {
    totpEnabledAt: row.totpEnabledAt,
    recoveryCodesLeft: row.recoveryCodes.length,
    organisationRequires: row.memberships[0]?.organisation.twoFactorRequired ?? false,
  };
}
