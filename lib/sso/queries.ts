import "server-only";
import { db } from "@/lib/db/client";
import { breakGlassEmails, CITIZEN_PROVIDER_ID, ssoConfig, STAFF_PROVIDER_ID } from "./config";
import { getSsoSettings } from "./settings";

/** The admin page: what the environment configures, the two settings, and how many links exist. */
export async function loadSsoOverview() {
  const config = ssoConfig();
  const [settings, links] = await Promise.all([getSsoSettings(db), db.externalIdentity.groupBy({ by: ["provider"], _count: { _all: true } })]);
  const count = (provider: string) => links.find((l) => l.provider === provider)?._count._all ?? 0;
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  return {
    settings,
    staff: config.staff ? { issuer: config.staff.issuer, redirectUri: `${base}/api/auth/callback/${STAFF_PROVIDER_ID}`, linked: count("staff") } : null,
    citizen: config.citizen
      ? { issuer: config.citizen.issuer, redirectUri: `${base}/api/auth/callback/${CITIZEN_PROVIDER_ID}`, bsnClaim: config.citizen.bsnClaim, kvkClaim: config.citizen.kvkClaim, rsinClaim: config.citizen.rsinClaim, linked: count("citizen") }
      : null,
    breakGlass: breakGlassEmails(),
  };
}

/** When the signed-in citizen's DigiD (or employer's eHerkenning) was linked; null when it is not. */
export async function citizenLinkOf(userId: string): Promise<Date | null> {
  // "kvk": an employer link from before links were per person; it no longer opens the account.
  const link = await db.externalIdentity.findFirst({ where: { provider: "citizen", userId, kind: { in: ["bsn", "eherkenning"] } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return link?.createdAt ?? null;
}
