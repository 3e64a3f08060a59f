// Single sign-on is configured by environment only: an identity provider for staff and a broker
// (DigiD / eHerkenning) for citizens and employers. A side without all three values stays off,
// so a Loket without these variables logs in with passwords exactly as before.

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface CitizenBrokerConfig extends OidcClientConfig {
  /** The id_token claim holding the BSN (DigiD). */
  bsnClaim: string;
  /** The id_token claim holding the company's KvK number (eHerkenning); nine digits there are read as an RSIN. */
  kvkClaim: string;
  /** The id_token claim holding the company's RSIN (eHerkenning), for brokers that send it apart. */
  rsinClaim: string;
}

export interface SsoConfig {
  staff: (OidcClientConfig & { mfaAcrValues: string[] }) | null;
  citizen: CitizenBrokerConfig | null;
}

/** next-auth provider ids; the IdP's redirect URI is <base>/api/auth/callback/<id>. */
export const STAFF_PROVIDER_ID = "oidc-staff";
export const CITIZEN_PROVIDER_ID = "oidc-citizen";

type Env = Record<string, string | undefined>;

function clientOf(env: Env, prefix: string): OidcClientConfig | null {
  const issuer = env[`${prefix}_ISSUER`]?.trim().replace(/\/+$/, "");
  const clientId = env[`${prefix}_CLIENT_ID`]?.trim();
  const clientSecret = env[`${prefix}_CLIENT_SECRET`]?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret };
}

const list = (value: string | undefined) => (value ?? "").split(",").map((v) => v.trim()).filter(Boolean);

export function ssoConfig(env: Env = process.env): SsoConfig {
  const staff = clientOf(env, "LOKET_OIDC_STAFF");
  const citizen = clientOf(env, "LOKET_OIDC_CITIZEN");
  return {
    staff: staff ? { ...staff, mfaAcrValues: list(env.LOKET_OIDC_STAFF_MFA_ACR) } : null,
    citizen: citizen
      ? {
          ...citizen,
          bsnClaim: env.LOKET_OIDC_CITIZEN_BSN_CLAIM?.trim() || "bsn",
          kvkClaim: env.LOKET_OIDC_CITIZEN_KVK_CLAIM?.trim() || "kvk",
          rsinClaim: env.LOKET_OIDC_CITIZEN_RSIN_CLAIM?.trim() || "rsin",
        }
      : null,
  };
}

/**
 * Break-glass: admin addresses that may still log in with a password (and TOTP) while password
 * login is off for staff, so an IdP outage or a wrong setting cannot lock everyone out.
 */
export function breakGlassEmails(env: Env = process.env): string[] {
  return list(env.LOKET_SSO_BREAK_GLASS_EMAILS).map((e) => e.toLowerCase());
}
