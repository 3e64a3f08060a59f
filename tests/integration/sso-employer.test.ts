// eHerkenning through a broker, against a real OpenID Connect provider on loopback: the broker
// asserts the company's KvK number (or RSIN) and a subject per person. Employer contacts are found
// by that subject, linked from their own account, and only while the asserted number is their own
// organisation's, so several HR contacts of one employer each use their own eHerkenning.
import nl from "@/messages/nl/integrations.json";
import { generators, Issuer } from "openid-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authSecret, totpKeyring } from "@/lib/auth/auth-secret";
import { loadSessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { updateOrganisationAction } from "@/lib/org-admin/commands";
import { citizenSsoLogin, linkCitizenIdentity, type Claims, type SsoContext } from "@/lib/sso/login";
import { seedDemo, sessionFor } from "../support/fixtures";
import { signInAt, startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";

const now = new Date("2026-11-24T10:00:00Z");
const REDIRECT = "http://127.0.0.1:3999/api/auth/callback/oidc-citizen";
// Bakkerij Van Dijk in the seed: KvK number and RSIN; Zorggroep Noord has another KvK number.
const VANDIJK_KVK = "69123456";
const VANDIJK_RSIN = "857341261";
const EVA = "eva.bakker@vandijk.example";
const TOM = "tom.visser@vandijk.example";
const LISA = "lisa.smit@zorggroepnoord.example";

let idp: TestOidcProvider;
const ctx = (): SsoContext => ({ key: authSecret(), totpKeys: totpKeyring(), hashKey: "test-hash-key", now, userAgent: "vitest" });
const options = { bsnClaim: "bsn", kvkClaim: "kvk", rsinClaim: "rsin" };

async function idTokenClaims(login: string): Promise<Claims> {
  const issuer = await Issuer.discover(idp.issuer);
  const client = new issuer.Client({ client_id: "broker", client_secret: "broker-secret", redirect_uris: [REDIRECT], response_types: ["code"] });
  const verifier = generators.codeVerifier();
  const state = generators.state();
  const nonce = generators.nonce();
  const url = client.authorizationUrl({ scope: "openid", code_challenge: generators.codeChallenge(verifier), code_challenge_method: "S256", state, nonce });
  const back = await signInAt(url, login, REDIRECT);
  const tokens = await client.callback(REDIRECT, client.callbackParams(back), { code_verifier: verifier, state, nonce });
  return { ...tokens.claims() };
}

const userOf = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
const links = () => db.externalIdentity.findMany({ where: { provider: "citizen" }, include: { user: { select: { email: true } } }, orderBy: { createdAt: "asc" } });
const login = async (sub: string) => citizenSsoLogin(db, await idTokenClaims(sub), ctx(), options);
const link = async (email: string, sub: string) => linkCitizenIdentity(db, (await userOf(email)).id, await idTokenClaims(sub), ctx(), options);

beforeAll(async () => {
  idp = await startOidcProvider({
    clients: [{ clientId: "broker", clientSecret: "broker-secret", redirectUris: [REDIRECT] }],
    accounts: [
      { sub: "eh-eva", claims: { kvk: VANDIJK_KVK } },
      { sub: "eh-tom", claims: { kvk: VANDIJK_KVK } },
      { sub: "eh-tom-rsin", claims: { rsin: VANDIJK_RSIN } },
      { sub: "eh-lisa-bij-vandijk", claims: { kvk: VANDIJK_KVK } },
      { sub: "eh-onbekend", claims: { kvk: "12345678" } },
      { sub: "digid-anna", claims: { bsn: "123456782" } },
    ],
  });
});

afterAll(async () => {
  await idp?.close();
});

beforeEach(async () => {
  await seedDemo(now);
});

describe("eHerkenning for employer contacts", () => {
  it("two HR contacts of one employer each link their own eHerkenning (same KvK number) and each log in to their own account", async () => {
    const evaClaims = await idTokenClaims("eh-eva");
    expect(evaClaims).toMatchObject({ sub: "eh-eva", kvk: VANDIJK_KVK });
    const [eva, tom] = await Promise.all([userOf(EVA), userOf(TOM)]);
    expect(await linkCitizenIdentity(db, eva.id, evaClaims, ctx(), options)).toEqual({ ok: true, kind: "eherkenning" });
    // The second contact of the same company is not refused as "linked elsewhere".
    expect(await link(TOM, "eh-tom")).toEqual({ ok: true, kind: "eherkenning" });

    const stored = await links();
    expect(stored.map((l) => [l.kind, l.user.email])).toEqual([["eherkenning", EVA], ["eherkenning", TOM]]);
    // Kept as keyed hashes: neither the subject nor the company number can be read back.
    for (const row of stored) {
      expect(row.subject).toMatch(/^[0-9a-f]{64}$/);
      expect(row.subject).not.toContain("eh-");
      expect(row.subject).not.toContain(VANDIJK_KVK);
    }
    expect(stored[0]!.subject).not.toBe(stored[1]!.subject);

    const asEva = await login("eh-eva");
    expect(asEva).toMatchObject({ ok: true, user: { id: eva.id, role: "EMPLOYER_CONTACT" } });
    const asTom = await login("eh-tom");
    expect(asTom).toMatchObject({ ok: true, user: { id: tom.id, role: "EMPLOYER_CONTACT" } });
    if (!asEva.ok || !asTom.ok) return;
    // Full sessions the app's session check accepts, as after a password login.
    expect(await loadSessionUser(eva.id, asEva.user.sv, asEva.user.sid)).toMatchObject({ email: EVA });
    expect(await loadSessionUser(tom.id, asTom.user.sv, asTom.user.sid)).toMatchObject({ email: TOM });
    const linked = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.sso_linked", entityId: eva.id } });
    expect(linked.organisationId).toBe((await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } })).id);
    expect(await db.auditEvent.count({ where: { action: "auth.login", entityId: { in: [eva.id, tom.id] }, data: { path: ["kind"], equals: "eherkenning" } } })).toBe(2);
  });

  it("a contact of another employer cannot link eHerkenning issued for this KvK number; nothing is stored", async () => {
    expect(await link(LISA, "eh-lisa-bij-vandijk")).toEqual({ ok: false, reason: "SSO_COMPANY_MISMATCH" });
    expect(await links()).toEqual([]);
    expect(await login("eh-lisa-bij-vandijk")).toEqual({ ok: false, reason: "SSO_CITIZEN_UNKNOWN" });
    expect(nl.sso.link.errors.SSO_COMPANY_MISMATCH).toMatch(/ander bedrijf/);
  });

  it("a linked contact whose organisation's registered KvK number differs from the asserted one is refused at login", async () => {
    await link(EVA, "eh-eva");
    await db.organisation.update({ where: { externalNumber: "WG-40012" }, data: { kvkNumber: "41234560" } });
    expect(await login("eh-eva")).toEqual({ ok: false, reason: "SSO_COMPANY_MISMATCH" });
    // An organisation with no KvK number recorded matches no eHerkenning at all.
    await db.organisation.update({ where: { externalNumber: "WG-40012" }, data: { kvkNumber: null } });
    expect(await login("eh-eva")).toEqual({ ok: false, reason: "SSO_COMPANY_MISMATCH" });
    expect(await db.authSession.count({ where: { userAgent: "vitest" } })).toBe(0);
    expect(nl.sso.errors.SSO_COMPANY_MISMATCH).toMatch(/KvK-nummer of RSIN klopt niet/);
  });

  it("an eHerkenning nobody linked is refused with the message that explains how to link it", async () => {
    expect(await login("eh-onbekend")).toEqual({ ok: false, reason: "SSO_CITIZEN_UNKNOWN" });
    expect(await login("eh-eva")).toEqual({ ok: false, reason: "SSO_CITIZEN_UNKNOWN" });
    expect(nl.sso.errors.SSO_CITIZEN_UNKNOWN).toMatch(/koppel DigiD of eHerkenning op de pagina Wachtwoord en account/);
    // Without the broker's subject the person cannot be told apart.
    expect(await citizenSsoLogin(db, { kvk: VANDIJK_KVK }, ctx(), options)).toEqual({ ok: false, reason: "SSO_NO_IDENTIFIER" });
  });

  it("a deactivated contact, or a contact of a deactivated organisation, is refused", async () => {
    await link(EVA, "eh-eva");
    await link(TOM, "eh-tom");
    await db.user.update({ where: { email: EVA }, data: { active: false } });
    expect(await login("eh-eva")).toEqual({ ok: false, reason: "SSO_INACTIVE" });
    expect(await login("eh-tom")).toMatchObject({ ok: true });
    await db.organisation.update({ where: { externalNumber: "WG-40012" }, data: { active: false } });
    expect(await login("eh-tom")).toEqual({ ok: false, reason: "ORGANISATION_INACTIVE" });
    // A deactivated account cannot link either.
    expect(await link(EVA, "eh-eva")).toEqual({ ok: false, reason: "SSO_WRONG_ACCOUNT" });
  });

  it("a broker that asserts the RSIN instead of the KvK number is matched against the organisation's RSIN", async () => {
    expect(await link(TOM, "eh-tom-rsin")).toEqual({ ok: true, kind: "eherkenning" });
    expect(await login("eh-tom-rsin")).toMatchObject({ ok: true, user: { email: TOM } });
    await db.organisation.update({ where: { externalNumber: "WG-40012" }, data: { rsin: null } });
    expect(await login("eh-tom-rsin")).toEqual({ ok: false, reason: "SSO_COMPANY_MISMATCH" });
  });

  it("one person's eHerkenning opens one account; a citizen cannot link eHerkenning nor an employer DigiD; BSN links stay one per person", async () => {
    await link(EVA, "eh-eva");
    expect(await link(TOM, "eh-eva")).toEqual({ ok: false, reason: "SSO_LINKED_ELSEWHERE" });
    expect(await link("anna.jansen@burger.example", "eh-eva")).toEqual({ ok: false, reason: "SSO_WRONG_ACCOUNT" });
    expect(await link(TOM, "digid-anna")).toEqual({ ok: false, reason: "SSO_WRONG_ACCOUNT" });
    expect(await link("anna.jansen@burger.example", "digid-anna")).toEqual({ ok: true, kind: "bsn" });
    expect(await link("bram.devries@burger.example", "digid-anna")).toEqual({ ok: false, reason: "SSO_LINKED_ELSEWHERE" });
    // Linking again replaces the contact's earlier eHerkenning (and a link from before links were per person).
    const tom = await userOf(TOM);
    await db.externalIdentity.create({ data: { provider: "citizen", kind: "kvk", subject: "old-company-hash", userId: tom.id } });
    await link(TOM, "eh-tom");
    await link(TOM, "eh-tom-rsin");
    expect((await links()).filter((l) => l.user.email === TOM).map((l) => l.kind)).toEqual(["eherkenning"]);
    expect(await login("eh-tom")).toEqual({ ok: false, reason: "SSO_CITIZEN_UNKNOWN" });
    expect(await login("eh-tom-rsin")).toMatchObject({ ok: true, user: { email: TOM } });
  });
});

describe("the organisation's KvK number and RSIN", () => {
  it("an admin records them on the organisation, normalised; a wrong length is refused under its field", async () => {
    const admin = await sessionFor("admin@loket.example");
    const zorg = await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } });
    const fields = { organisationId: zorg.id, externalNumber: zorg.externalNumber, name: zorg.name, kind: zorg.kind, customerSuccessManagerId: zorg.customerSuccessManagerId };
    expect(await updateOrganisationAction.execute(admin, { ...fields, kvkNumber: "4123 4567", rsin: "001.234.560" }, now)).toMatchObject({ ok: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: zorg.id } })).toMatchObject({ kvkNumber: "41234567", rsin: "001234560" });
    // Nine digits, but one typed wrong: the check digit does not add up, and nothing is saved.
    expect(await updateOrganisationAction.execute(admin, { ...fields, kvkNumber: "41234567", rsin: "001234567" }, now)).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { rsin: ["RSIN_CHECK"] },
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: zorg.id } })).toMatchObject({ rsin: "001234560" });
    expect(await updateOrganisationAction.execute(admin, { ...fields, kvkNumber: "4123456789", rsin: "12" }, now)).toMatchObject({
      ok: false,
      reason: "INVALID_INPUT",
      fieldErrors: { kvkNumber: ["KVK_NUMBER"], rsin: ["RSIN"] },
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: zorg.id } })).toMatchObject({ kvkNumber: "41234567" });
    // Now an HR contact of Zorggroep Noord can link eHerkenning for that number.
    expect(await linkCitizenIdentity(db, (await userOf(LISA)).id, { sub: "eh-lisa", kvk: "41234567" }, ctx(), options)).toEqual({ ok: true, kind: "eherkenning" });
  });
});
