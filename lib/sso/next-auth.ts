import "server-only";
// next-auth's signIn callback for the OpenID Connect providers: finds the Loket account (or links a
// citizen's BSN when they asked for it) and fills next-auth's user with what the session token
// carries, as the password login's authorize does. Refusals go back to the login page as a code.
import { cookies, headers } from "next/headers";
import type { User } from "next-auth";
import { authSecret, totpKeyring } from "@/lib/auth/auth-secret";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { CITIZEN_PROVIDER_ID, ssoConfig, STAFF_PROVIDER_ID } from "./config";
import { identifierHashKey } from "./keys";
import { LINK_INTENT_COOKIE, linkIntentUser } from "./link-intent";
import { citizenSsoLogin, linkCitizenIdentity, staffSsoLogin, type Claims, type SsoContext } from "./login";

/** Where a logged-in citizen or employer links DigiD/eHerkenning (their account page). */
export function linkPagePath(role: string): string {
  return role === "EMPLOYER_CONTACT" ? "/werkgever/wachtwoord" : "/portaal/wachtwoord";
}

async function linkIfAsked(claims: Claims, now: Date): Promise<string | null> {
  const jar = await cookies();
  const intended = linkIntentUser(jar.get(LINK_INTENT_COOKIE)?.value, now, authSecret());
  if (!intended) return null;
  jar.delete(LINK_INTENT_COOKIE);
  const user = await getSessionUser();
  if (!user || user.id !== intended) return "/login?error=SESSION_EXPIRED";
  const config = ssoConfig().citizen!;
  const outcome = await linkCitizenIdentity(db, user.id, claims, { hashKey: identifierHashKey(), now }, config);
  return `${linkPagePath(user.role)}?sso=${outcome.ok ? "LINKED" : outcome.reason}`;
}

export async function ssoSignIn(providerId: string, claims: Claims, user: User): Promise<true | string> {
  try {
    const config = ssoConfig();
    const now = new Date();
    const ctx: SsoContext = { key: authSecret(), totpKeys: totpKeyring(), hashKey: identifierHashKey(), now, userAgent: (await headers()).get("user-agent") };
    let outcome;
    if (providerId === STAFF_PROVIDER_ID && config.staff) {
      outcome = await staffSsoLogin(db, claims, ctx, config.staff);
    } else if (providerId === CITIZEN_PROVIDER_ID && config.citizen) {
      const linked = await linkIfAsked(claims, now);
      if (linked) return linked;
      outcome = await citizenSsoLogin(db, claims, ctx, config.citizen);
    } else {
      return "/login?error=SSO_FAILED";
    }
    if (!outcome.ok) return `/login?error=${outcome.reason}`;
    // next-auth hands this same object to the jwt callback, which copies it into the token.
    Object.assign(user, outcome.user);
    return true;
  } catch (error) {
    console.error("[auth sso] failed", error instanceof Error ? error.stack : error);
    return "/login?error=SSO_FAILED";
  }
}
