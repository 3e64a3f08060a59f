// Single sign-on against a real OpenID Connect provider on loopback: the authorization-code flow
// with PKCE, state and nonce (openid-client, the library next-auth uses), and the id_token's
// verified claims handed to Loket's mapping, as next-auth's signIn callback does.
import { generators, Issuer } from "openid-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authSecret, totpKeyring } from "@/lib/auth/auth-secret";
import { passwordStep } from "@/lib/auth/login-flow";
import { loadSessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { ssoConfig } from "@/lib/sso/config";
import { citizenSsoLogin, linkCitizenIdentity, staffSsoLogin, type Claims, type SsoContext } from "@/lib/sso/login";
import { updateSsoSettings } from "@/lib/sso/commands";
import { getSsoSettings, saveSsoSettings } from "@/lib/sso/settings";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";
import { loginContext } from "../support/login-context";
import { signInAt, startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";

const now = new Date("2026-11-24T10:00:00Z");
const REDIRECT = "http://127.0.0.1:3999/api/auth/callback/oidc-staff";
const HANDLER = "behandelaar@loket.example";
const BSN = "123456782";

let idp: TestOidcProvider;
const ctx = (): SsoContext => ({ key: authSecret(), totpKeys: totpKeyring(), hashKey: "test-hash-key", now, userAgent: "vitest" });
const staffOptions = { mfaAcrValues: ["urn:test:mfa"] };
const citizenOptions = { bsnClaim: "bsn", kvkClaim: "kvk" };

/** The browser's round trip and the relying party's checks: returns the id_token's claims. */
async function idTokenClaims(login: string): Promise<Claims> {
  const issuer = await Issuer.discover(idp.issuer);
  const client = new issuer.Client({ client_id: "loket", client_secret: "loket-secret", redirect_uris: [REDIRECT], response_types: ["code"] });
  const verifier = generators.codeVerifier();
  const state = generators.state();
  const nonce = generators.nonce();
  const url = client.authorizationUrl({ scope: "openid email profile", code_challenge: generators.codeChallenge(verifier), code_challenge_method: "S256", state, nonce });
  const back = await signInAt(url, login, REDIRECT);
  const tokens = await client.callback(REDIRECT, client.callbackParams(back), { code_verifier: verifier, state, nonce });
  return { ...tokens.claims() };
}

const staffIdentities = () => db.externalIdentity.findMany({ where: { provider: "staff" }, include: { user: { select: { email: true } } } });
const setSettings = (idpMfaCounts: boolean, staffPasswordOff: boolean) =>
  db.$transaction((tx) => saveSsoSettings(tx, { idpMfaCounts, staffPasswordOff }, null as unknown as string));

beforeAll(async () => {
  idp = await startOidcProvider({
    clients: [{ clientId: "loket", clientSecret: "loket-secret", redirectUris: [REDIRECT] }],
    accounts: [
      { sub: "kc-behandelaar", claims: { email: HANDLER, email_verified: true, name: "Behandelaar" }, amr: ["pwd"] },
      { sub: "kc-behandelaar-mfa", claims: { email: HANDLER, email_verified: true }, amr: ["pwd", "mfa"] },
      { sub: "kc-unverified", claims: { email: "coordinator@loket.example", email_verified: false }, amr: ["pwd"] },
      { sub: "kc-stranger", claims: { email: "stranger@elders.example", email_verified: true }, amr: ["pwd", "mfa"] },
      { sub: "kc-anna", claims: { email: "anna.jansen@burger.example", email_verified: true }, amr: ["pwd"] },
      { sub: "digid-anna", claims: { bsn: BSN }, acr: "urn:digid:substantieel" },
      { sub: "digid-nobody", claims: { bsn: "999999990" } },
    ],
  });
  process.env.LOKET_OIDC_STAFF_ISSUER = idp.issuer;
  process.env.LOKET_OIDC_STAFF_CLIENT_ID = "loket";
  process.env.LOKET_OIDC_STAFF_CLIENT_SECRET = "loket-secret";
});

afterAll(async () => {
  delete process.env.LOKET_OIDC_STAFF_ISSUER;
  delete process.env.LOKET_OIDC_STAFF_CLIENT_ID;
  delete process.env.LOKET_OIDC_STAFF_CLIENT_SECRET;
  delete process.env.LOKET_SSO_BREAK_GLASS_EMAILS;
  await idp?.close();
});

beforeEach(async () => {
  await seedDemo(now);
});

describe("staff single sign-on", () => {
  it("a first login matches the IdP's verified e-mail, stores the subject, and still asks Loket's TOTP", async () => {
    const claims = await idTokenClaims("kc-behandelaar");
    expect(claims).toMatchObject({ sub: "kc-behandelaar", email: HANDLER, email_verified: true, amr: ["pwd"] });
    const outcome = await staffSsoLogin(db, claims, ctx(), staffOptions);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const handler = await db.user.findUniqueOrThrow({ where: { email: HANDLER } });
    expect(outcome.user).toMatchObject({ id: handler.id, role: handler.role, tfa: "pending", tfaMethod: "TOTP" });
    expect(outcome.user.sid).toBeUndefined();
    expect((await staffIdentities()).map((i) => [i.kind, i.subject, i.user.email])).toEqual([["sub", "kc-behandelaar", HANDLER]]);
    const events = await db.auditEvent.findMany({ where: { entityId: handler.id, action: { in: ["auth.login", "auth.sso_linked"] } }, orderBy: { action: "asc" } });
    expect(events.map((e) => [e.action, (e.data as { method?: string; provider?: string }).provider])).toEqual([["auth.login", "staff"], ["auth.sso_linked", "staff"]]);
  });

  it("later logins go by the subject, even when the IdP's e-mail changed; roles stay Loket's", async () => {
    await staffSsoLogin(db, await idTokenClaims("kc-behandelaar"), ctx(), staffOptions);
    const moved = { ...(await idTokenClaims("kc-behandelaar")), email: "nieuw-adres@elders.example" };
    const outcome = await staffSsoLogin(db, moved, ctx(), staffOptions);
    expect(outcome).toMatchObject({ ok: true, user: { email: HANDLER, role: "CASE_HANDLER" } });
    // The same address under another subject does not take the linked account over.
    expect(await staffSsoLogin(db, await idTokenClaims("kc-behandelaar-mfa"), ctx(), staffOptions)).toEqual({ ok: false, reason: "SSO_UNKNOWN" });
  });

  it("refuses an unknown subject, an unverified e-mail and a citizen's address, and links nothing", async () => {
    expect(await staffSsoLogin(db, await idTokenClaims("kc-stranger"), ctx(), staffOptions)).toEqual({ ok: false, reason: "SSO_UNKNOWN" });
    expect(await staffSsoLogin(db, await idTokenClaims("kc-unverified"), ctx(), staffOptions)).toEqual({ ok: false, reason: "SSO_UNKNOWN" });
    expect(await staffSsoLogin(db, await idTokenClaims("kc-anna"), ctx(), staffOptions)).toEqual({ ok: false, reason: "SSO_UNKNOWN" });
    expect(await staffIdentities()).toEqual([]);
    expect(await db.authSession.count({ where: { userAgent: "vitest" } })).toBe(0);
  });

  it("refuses a deactivated account", async () => {
    await db.user.update({ where: { email: HANDLER }, data: { active: false } });
    expect(await staffSsoLogin(db, await idTokenClaims("kc-behandelaar"), ctx(), staffOptions)).toEqual({ ok: false, reason: "SSO_INACTIVE" });
  });

  it("the IdP's MFA stands in for TOTP only when the admin says so and the id_token shows it", async () => {
    const mfaClaims = await idTokenClaims("kc-behandelaar-mfa");
    expect(mfaClaims.amr).toEqual(["pwd", "mfa"]);
    // Setting off: TOTP after SSO.
    expect(await staffSsoLogin(db, mfaClaims, ctx(), staffOptions)).toMatchObject({ ok: true, user: { tfa: "pending" } });
    await setSettings(true, false);
    const outcome = await staffSsoLogin(db, mfaClaims, ctx(), staffOptions);
    expect(outcome).toMatchObject({ ok: true, user: { mfa: true } });
    if (!outcome.ok) return;
    expect(outcome.user.tfa).toBeUndefined();
    // The same server-side session a password login gets: the app's session check accepts it.
    expect(await loadSessionUser(outcome.user.id, outcome.user.sv, outcome.user.sid)).toMatchObject({ email: HANDLER });
    // Setting on, but this login used a password only: TOTP still.
    await db.externalIdentity.deleteMany({});
    expect(await staffSsoLogin(db, await idTokenClaims("kc-behandelaar"), ctx(), staffOptions)).toMatchObject({ ok: true, user: { tfa: "pending" } });
    // A configured acr value counts too.
    expect(await staffSsoLogin(db, { ...(await idTokenClaims("kc-behandelaar")), amr: ["pwd"], acr: "urn:test:mfa" }, ctx(), staffOptions)).toMatchObject({ ok: true, user: { mfa: true } });
  });

  it("with password login off, staff passwords are refused (SSO_REQUIRED) but citizens' and break-glass admins' are not", async () => {
    expect(ssoConfig().staff?.issuer).toBe(idp.issuer);
    await setSettings(false, true);
    const login = (email: string) => passwordStep(db, { email, password: DEMO_PASSWORD }, null, loginContext(now));
    await expect(login(HANDLER)).rejects.toThrow("SSO_REQUIRED");
    await expect(login("admin@loket.example")).rejects.toThrow("SSO_REQUIRED");
    await expect(login("anna.jansen@burger.example")).resolves.toMatchObject({ email: "anna.jansen@burger.example" });
    process.env.LOKET_SSO_BREAK_GLASS_EMAILS = "admin@loket.example, behandelaar@loket.example";
    await expect(login("admin@loket.example")).resolves.toMatchObject({ tfa: "pending" });
    // Only admins may break the glass.
    await expect(login(HANDLER)).rejects.toThrow("SSO_REQUIRED");
    delete process.env.LOKET_SSO_BREAK_GLASS_EMAILS;
    // A wrong password is still just a wrong password.
    await expect(passwordStep(db, { email: HANDLER, password: "wrong-password-1" }, null, loginContext(now))).rejects.toThrow("INVALID_CREDENTIALS");
  });
});

describe("the admin's SSO settings", () => {
  it("are saved and audited with before and after; no staff passwords needs a configured IdP", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await updateSsoSettings.execute(admin, { idpMfaCounts: true, staffPasswordOff: true }, now)).toEqual({ ok: true, data: undefined });
    expect(await getSsoSettings(db)).toEqual({ idpMfaCounts: true, staffPasswordOff: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.update", entityId: "sso.staff" } });
    expect(event.actorId).toBe(admin.id);
    expect(event.data).toEqual({ before: { idpMfaCounts: false, staffPasswordOff: false }, after: { idpMfaCounts: true, staffPasswordOff: true } });
    const issuer = process.env.LOKET_OIDC_STAFF_ISSUER;
    delete process.env.LOKET_OIDC_STAFF_ISSUER;
    try {
      expect(await updateSsoSettings.execute(admin, { idpMfaCounts: false, staffPasswordOff: true }, now)).toEqual({ ok: false, reason: "SSO_NOT_CONFIGURED" });
      // A setting left on after the IdP was removed from the environment no longer locks staff out.
      await expect(passwordStep(db, { email: HANDLER, password: DEMO_PASSWORD }, null, loginContext(now))).resolves.toMatchObject({ tfa: "pending" });
    } finally {
      process.env.LOKET_OIDC_STAFF_ISSUER = issuer;
    }
    expect(await updateSsoSettings.execute(await sessionFor(HANDLER), { idpMfaCounts: false, staffPasswordOff: false }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
  });
});

describe("DigiD through a broker", () => {
  it("an unknown BSN is refused; once Anna links it from her account, DigiD logs her in with a session", async () => {
    const claims = await idTokenClaims("digid-anna");
    expect(claims.bsn).toBe(BSN);
    expect(await citizenSsoLogin(db, claims, ctx(), citizenOptions)).toEqual({ ok: false, reason: "SSO_CITIZEN_UNKNOWN" });
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    expect(await linkCitizenIdentity(db, anna.id, claims, ctx(), citizenOptions)).toEqual({ ok: true, kind: "bsn" });
    const stored = await db.externalIdentity.findFirstOrThrow({ where: { provider: "citizen", userId: anna.id } });
    expect(stored.kind).toBe("bsn");
    expect(stored.subject).not.toContain(BSN);
    expect(stored.subject).toMatch(/^[0-9a-f]{64}$/);
    const outcome = await citizenSsoLogin(db, await idTokenClaims("digid-anna"), ctx(), citizenOptions);
    expect(outcome).toMatchObject({ ok: true, user: { id: anna.id, role: "BENEFICIARY" } });
    if (!outcome.ok) return;
    expect(await loadSessionUser(anna.id, outcome.user.sv, outcome.user.sid)).toMatchObject({ email: anna.email });
    expect(await db.auditEvent.count({ where: { entityId: anna.id, action: "auth.login", data: { path: ["provider"], equals: "citizen" } } })).toBe(1);
  });

  it("a BSN linked to one account cannot be linked to another; staff cannot link one; another BSN stays unknown", async () => {
    const claims = await idTokenClaims("digid-anna");
    const [anna, bram, handler] = await Promise.all(
      ["anna.jansen@burger.example", "bram.devries@burger.example", HANDLER].map((email) => db.user.findUniqueOrThrow({ where: { email } })),
    );
    await linkCitizenIdentity(db, anna!.id, claims, ctx(), citizenOptions);
    expect(await linkCitizenIdentity(db, bram!.id, claims, ctx(), citizenOptions)).toEqual({ ok: false, reason: "SSO_LINKED_ELSEWHERE" });
    expect(await linkCitizenIdentity(db, handler!.id, claims, ctx(), citizenOptions)).toEqual({ ok: false, reason: "SSO_WRONG_ACCOUNT" });
    expect(await citizenSsoLogin(db, await idTokenClaims("digid-nobody"), ctx(), citizenOptions)).toEqual({ ok: false, reason: "SSO_CITIZEN_UNKNOWN" });
    expect(await citizenSsoLogin(db, { sub: "x" }, ctx(), citizenOptions)).toEqual({ ok: false, reason: "SSO_NO_IDENTIFIER" });
  });
});
