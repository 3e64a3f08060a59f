import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import type { Locale, OrganisationRight, Role } from "@prisma/client";
import { linkBase } from "@/lib/account/mutations";
import { audit } from "@/lib/audit/mutations";
import { formatDateTime } from "@/lib/calendar/format";
import type { Db, Tx } from "@/lib/db/client";
import { enqueueMail } from "@/lib/outbox/mutations";
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

export type LoginOutcome = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "INVALID_CREDENTIALS" | "ORGANISATION_INACTIVE" | "SSO_REQUIRED" };

/** Password login switched off for staff (lib/sso/settings.ts), with the break-glass admin addresses. */
export interface StaffPasswordPolicy {
  staffPasswordOff: boolean;
  breakGlassEmails: readonly string[];
}

/** The mail that tells the owner of an account it was locked (the login form does not say so). */
function lockNoticeMail(input: { name: string; until: Date; locale: Locale }): { subject: string; text: string } {
  const until = formatDateTime(input.until, input.locale);
  const reset = `${linkBase()}/wachtwoord-vergeten`;
  if (input.locale === "en") {
    return {
      subject: "Your Loket account is temporarily locked",
      text: [
        `Dear ${input.name},`,
        `After five failed login attempts your Loket account is locked until ${until} (Amsterdam time). After that you can log in again.`,
        `Was this not you? Then someone may be trying to get into your account. Set a new password via ${reset} and call us.`,
      ].join("\n\n"),
    };
  }
  return {
    subject: "Uw Loket-account is tijdelijk geblokkeerd",
    text: [
      `Beste ${input.name},`,
      `Na vijf mislukte inlogpogingen is uw Loket-account geblokkeerd tot ${until} (Nederlandse tijd). Daarna kunt u weer inloggen.`,
      `Was u dit niet? Dan probeert iemand misschien in uw account te komen. Stel een nieuw wachtwoord in via ${reset} en bel ons.`,
    ].join("\n\n"),
  };
}

/**
 * One more failed attempt on an account: a wrong password, a wrong second-factor code, or a wrong
 * password where an action asks for it again. The fifth in a row locks the account for 15 minutes
 * (audited as auth.locked) and mails the owner, because the login form no longer tells anyone.
 * The caller audits the failure itself when it does not lock.
 */
export async function countFailedLogin(tx: Tx, userId: string, now: Date): Promise<{ locked: boolean }> {
  // Serialises concurrent failures of one account so none of them is lost.
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { failedLogins: true, email: true, name: true, locale: true } });
  const next = afterFailedLogin(user.failedLogins, now);
  await tx.user.update({ where: { id: userId }, data: next });
  if (!next.lockedUntil) return { locked: false };
  await audit(tx, { actorId: null, action: "auth.locked", entityType: "User", entityId: userId });
  const mail = lockNoticeMail({ name: user.name, until: next.lockedUntil, locale: user.locale });
  await enqueueMail(tx, { kind: "auth.account_locked", to: accountEmail(user), subject: mail.subject, text: mail.text, locale: user.locale, sensitive: false, at: now });
  return { locked: true };
}

/**
 * Checks a password login. Five failures lock the account for 15 minutes; a locked account is
 * refused even with the right password. An unknown or inactive address, a wrong password and a
 * locked account get the same answer after the same hashing work, so the answer does not tell
 * whether an account exists; the owner learns of a lock by mail.
 * Failures are forgiven here only when no second factor is due: otherwise wrong codes keep
 * counting, and the count is cleared when the login completes (sessions.ts startSession).
 */
export async function attemptLogin(db: Db, input: LoginInput, now: Date, staffPolicy?: StaffPasswordPolicy): Promise<LoginOutcome> {
  const user = await db.user.findUnique({
    where: { email: input.email },
    include: { memberships: { orderBy: { createdAt: "asc" }, take: 1, include: { organisation: { select: { twoFactorRequired: true, active: true } } } } },
  });
  if (!user || !user.active) {
    await burnVerification(input.password);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  const valid = await verifyPassword(user.passwordHash, input.password);
  if (isLocked(user.lockedUntil, now)) return { ok: false, reason: "INVALID_CREDENTIALS" };
  if (!valid) {
    await db.$transaction(async (tx) => {
      const { locked } = await countFailedLogin(tx, user.id, now);
      if (!locked) await audit(tx, { actorId: null, action: "auth.login_failed", entityType: "User", entityId: user.id });
    });
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  // Only after the right password, so the answer does not tell who is staff. Break-glass: listed admins.
  const breakGlass = user.role === "ADMIN" && (staffPolicy?.breakGlassEmails.includes(accountEmail(user).toLowerCase()) ?? false);
  if (staffPolicy?.staffPasswordOff && isStaff(user.role) && !breakGlass) {
    await db.$transaction((tx) => audit(tx, { actorId: null, action: "auth.password_refused_sso", entityType: "User", entityId: user.id }));
    return { ok: false, reason: "SSO_REQUIRED" };
  }
  const membership = user.memberships[0];
  // Only after the right password: the contact learns their organisation was deactivated, nobody else does.
  if (membership && !membership.organisation.active) return { ok: false, reason: "ORGANISATION_INACTIVE" };
  const secondFactor = loginStepAfterPassword({
    staff: isStaff(user.role),
    totpEnabled: user.totpEnabledAt !== null,
    organisationRequires: membership?.organisation.twoFactorRequired ?? false,
  });
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { lastLoginAt: now, ...(secondFactor === null ? { failedLogins: 0, lockedUntil: null } : {}) },
    });
    await audit(tx, { actorId: user.id, action: "auth.login", entityType: "User", entityId: user.id });
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: accountEmail(user),
      name: user.name,
      role: user.role,
      organisationId: membership?.organisationId ?? null,
      rights: membership?.rights ?? [],
      hrProfessional: membership?.hrProfessional ?? false,
      sessionVersion: user.sessionVersion,
      totpEnabledAt: user.totpEnabledAt,
      passwordChangedAt: user.passwordChangedAt,
      secondFactor,
    },
  };
}
