import "server-only";
import type { OrganisationRight, Role } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Db } from "@/lib/db/client";
import { burnVerification, verifyPassword } from "./password";
import { afterFailedLogin, isLocked, isStaff } from "./rules";
import type { LoginInput } from "./schema";
import { loginStepAfterPassword, type LoginStep } from "./two-factor-rules";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  rights: OrganisationRight[];
  hrProfessional: boolean;
  sessionVersion: number;
  /** What this login still needs: a code, TOTP enrolment (staff), or nothing. */
  secondFactor: LoginStep;
  totpEnabledAt: Date | null;
  passwordChangedAt: Date | null;
}

export type LoginOutcome =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "LOCKED"; lockedUntil: Date };

/**
 * Checks a password login. Five failures lock the account for 15 minutes; a locked account is
 * refused even with the right password. Unknown and inactive users get the same answer as a wrong
 * password, after the same amount of hashing work.
 */
export async function attemptLogin(db: Db, input: LoginInput, now: Date): Promise<LoginOutcome> {
  const user = await db.user.findUnique({
    where: { email: input.email },
    include: { memberships: { orderBy: { createdAt: "asc" }, take: 1, include: { organisation: { select: { twoFactorRequired: true } } } } },
  });
  if (!user || !user.active) {
    await burnVerification(input.password);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  if (isLocked(user.lockedUntil, now)) {
    return { ok: false, reason: "LOCKED", lockedUntil: user.lockedUntil! };
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  if (!valid) {
    const next = afterFailedLogin(user.failedLogins, now);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: next });
      await audit(tx, {
        actorId: null,
        action: next.lockedUntil ? "auth.locked" : "auth.login_failed",
        entityType: "User",
        entityId: user.id,
      });
    });
    return next.lockedUntil
      ? { ok: false, reason: "LOCKED", lockedUntil: next.lockedUntil }
      : { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLogins: 0, lockedUntil: null, lastLoginAt: now },
    });
    await audit(tx, { actorId: user.id, action: "auth.login", entityType: "User", entityId: user.id });
  });
  const membership = user.memberships[0];
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisationId: membership?.organisationId ?? null,
      rights: membership?.rights ?? [],
      hrProfessional: membership?.hrProfessional ?? false,
      sessionVersion: user.sessionVersion,
      totpEnabledAt: user.totpEnabledAt,
      passwordChangedAt: user.passwordChangedAt,
      secondFactor: loginStepAfterPassword({
        staff: isStaff(user.role),
        totpEnabled: user.totpEnabledAt !== null,
        organisationRequires: membership?.organisation.twoFactorRequired ?? false,
      }),
    },
  };
}
