// Pure rules about who goes where and when an account locks. No I/O.
import type { OrganisationRight, Role } from "@prisma/client";
import { safeReturnPath } from "@/lib/security/return-path";

export type Place = "portaal" | "werkgever" | "agent";

/** Request header in which proxy.ts passes the requested path and query on to the pages. */
export const REQUESTED_PATH_HEADER = "x-loket-requested-path";

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

/** The place a path belongs to ("/portaal/vragen/x" → "portaal"), or null for any other path. */
export function placeOfPath(path: string): Place | null {
  const first = /^\/(portaal|werkgever|agent)(?:[/?#]|$)/.exec(path);
  return first ? (first[1] as Place) : null;
}

/**
 * Where a signed-in person goes after login: the page they asked for when it is a safe path in
 * their own place; anything else (another place, another host, garbage) is their home.
 */
export function returnPathFor(value: unknown, role: Role): string {
  const path = safeCallbackPath(value);
  return path && placeOfPath(path) === placeOf(role) ? path : homePath(role);
}

/**
 * Where the login forms navigate once signed in: through the login page, which knows the role
 * and applies returnPathFor (the browser cannot tell whether the target is in the person's place).
 */
export function afterLoginUrl(callback: string | null): string {
  return callback && callback !== "/" ? `/login?callbackUrl=${encodeURIComponent(callback)}` : "/";
}

/**
 * The page to return to after login for a visitor who is not signed in: the requested path (set
 * by proxy.ts) when it is safe and in the same place as the page's own fallback, else the fallback.
 */
export function loginReturnPath(requested: unknown, fallback: string): string {
  const path = safeCallbackPath(requested);
  const place = placeOfPath(fallback);
  return path && place && placeOfPath(path) === place ? path : fallback;
}
