// A local OpenID Connect provider for trying single sign-on and for the e2e run (a webServer in
// playwright.config.ts): node-oidc-provider on loopback with a plain login page where you type a
// username below. Not for production. Start: npx tsx scripts/oidc-dev-provider.ts
//   OIDC_DEV_PORT         port (default 3990); the issuer is http://127.0.0.1:<port>
//   OIDC_DEV_APP_URL      Loket's base URL for the redirect URIs (default http://localhost:3000);
//                         several, comma-separated, when more than one app server uses it (e2e)
// Loket then needs LOKET_OIDC_STAFF_ISSUER=http://127.0.0.1:<port>, _CLIENT_ID=loket-staff,
// _CLIENT_SECRET=loket-staff-secret (and the same with CITIZEN / loket-citizen for DigiD).
import { startOidcProvider } from "../tests/support/oidc-provider";

const port = Number(process.env.OIDC_DEV_PORT ?? 3990);
const apps = (process.env.OIDC_DEV_APP_URL ?? "http://localhost:3000").split(",").map((url) => url.trim().replace(/\/+$/, ""));

/** Usernames for the login page. */
const DEV_ACCOUNTS = [
  // A staff member the e2e spec creates; the IdP did MFA.
  { sub: "idp-sso-medewerker", claims: { email: "sso.medewerker@loket.example", email_verified: true, name: "SSO Medewerker" }, amr: ["pwd", "mfa"] },
  // The demo agent, password only at the IdP: Loket's TOTP still follows.
  { sub: "idp-agent", claims: { email: "agent@loket.example", email_verified: true, name: "Agent" }, amr: ["pwd"] },
  // Someone the IdP knows but Loket does not.
  { sub: "idp-onbekend", claims: { email: "onbekend@elders.example", email_verified: true, name: "Onbekend" }, amr: ["pwd", "mfa"] },
  // DigiD through the broker: a BSN.
  { sub: "digid-anna", claims: { bsn: "123456782" } },
  // eHerkenning through the broker: the company's KvK number (or RSIN) and a subject per person.
  // Two HR contacts of Bakkerij Van Dijk (KvK 69123456 in the seed), each with their own subject;
  // one of Bakkerij Van Dijk asserted by RSIN; one of a company Loket does not know under that number.
  { sub: "eh-vandijk-eva", claims: { kvk: "69123456", name: "Eva Bakker" } },
  { sub: "eh-vandijk-tom", claims: { kvk: "69123456", name: "Tom Visser" } },
  { sub: "eh-vandijk-rsin", claims: { rsin: "857341261" } },
  { sub: "eh-ander-bedrijf", claims: { kvk: "12345678" } },
  // The e2e spec's own employer contact (a copy of Tom Visser at Bakkerij Van Dijk).
  { sub: "eh-sso-werkgever", claims: { kvk: "69123456" } },
];

const provider = await startOidcProvider({
  port,
  clients: [
    { clientId: "loket-staff", clientSecret: "loket-staff-secret", redirectUris: apps.map((app) => `${app}/api/auth/callback/oidc-staff`) },
    { clientId: "loket-citizen", clientSecret: "loket-citizen-secret", redirectUris: apps.map((app) => `${app}/api/auth/callback/oidc-citizen`) },
  ],
  accounts: DEV_ACCOUNTS,
});
console.log(`[oidc-dev-provider] issuer ${provider.issuer}; users: ${DEV_ACCOUNTS.map((a) => a.sub).join(", ")}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
