// next-auth providers for the configured identity providers: OpenID Connect by discovery, the
// authorization-code flow with PKCE, state and nonce, claims read from the verified id_token.
import type { OAuthConfig } from "next-auth/providers/oauth";
import { CITIZEN_PROVIDER_ID, STAFF_PROVIDER_ID, type OidcClientConfig, type SsoConfig } from "./config";

type Profile = Record<string, unknown> & { sub: string };

function oidcProvider(id: string, name: string, client: OidcClientConfig, scope: string): OAuthConfig<Profile> {
  return {
    id,
    name,
    type: "oauth",
    wellKnown: `${client.issuer}/.well-known/openid-configuration`,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope } },
    // Only the subject here: the Loket account is found in the signIn callback (lib/sso/next-auth.ts).
    profile: (claims) => ({ id: claims.sub, name: typeof claims.name === "string" ? claims.name : null, email: typeof claims.email === "string" ? claims.email : null }) as never,
  };
}

export function ssoProviders(config: SsoConfig): OAuthConfig<Profile>[] {
  const providers: OAuthConfig<Profile>[] = [];
  if (config.staff) providers.push(oidcProvider(STAFF_PROVIDER_ID, "Staff SSO", config.staff, "openid email profile"));
  if (config.citizen) providers.push(oidcProvider(CITIZEN_PROVIDER_ID, "DigiD / eHerkenning", config.citizen, "openid"));
  return providers;
}
