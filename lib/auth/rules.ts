// Pure rules about who goes where and when an account locks. No I/O.
import type { OrganisationRight, Role } from "@prisma/client";
import { safeReturnPath } from "@/lib/security/return-path";

export type Place = "portaal" | "werkgever" | "agent";

export const STAFF_ROLES: readonly Role[] = [
  "CALLCENTER_AGENT",
  "CASE_HANDLER",
  "TEAM_COORDINATOR",
  "MANAGER",
  "CUSTOMER_SUCCESS_MANAGER",
  "OMBUDS",
  "ADMIN",
];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function placeOf(role: Role): Place {
  if (role === "BENEFICIARY") return "portaal";
  if (role === "EMPLOYER_CONTACT") return "werkgever";
  return "agent";
}

export function canEnter(role: Role, place: Place): boolean {
  return placeOf(role) === place;
}

export function homePath(role: Role): string {
  return `/${placeOf(role)}`;
}

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The account state after one more failed login: the fifth failure locks for 15 minutes. */
export function afterFailedLogin(
  failedLogins: number,
  now: Date,
): { failedLogins: number; lockedUntil: Date | null } {
  const failures = failedLogins + 1;
  if (failures >= MAX_FAILED_LOGINS) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedLogins: failures, lockedUntil: null };
}

export function hasRight(rights: readonly OrganisationRight[], right: OrganisationRight): boolean {
  return rights.includes(right);
}

/**
 * A post-login destination on our own origin, or null: then the person goes to their home. The
 * check itself is safeReturnPath (lib/security/return-path.ts), the one place that decides.
 */
export function safeCallbackPath(value: unknown): string | null {
  // unknown: a repeated ?callbackUrl= reaches the login pages as an array.
  const path = safeReturnPath(value);
  return path === "/" ? null : path;
}
