import "server-only";
// What an OpenID Connect login means in Loket: the verified claims of an id_token are mapped to an
// existing account (never a new one; roles stay Loket's), and the login continues exactly as a
// password login would: the same second-factor steps, the same AuthSession row, the same
// "auth.login" audit event. next-auth's signIn callback only delegates here, so tests run these
// with real tokens from a real provider.
import { randomBytes } from "node:crypto";
import type { User as LoketUser } from "@prisma/client";
import type { User } from "next-auth";
import { audit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db/client";
import { isStaff } from "@/lib/auth/rules";
import { startSession } from "@/lib/auth/sessions";
import { openLoginChallenge } from "@/lib/auth/two-factor";
import { loginStepAfterPassword, type TotpKeyring } from "@/lib/auth/two-factor-rules";
import { companyNumber, identifierHash, idpShowsMfa, normaliseIdentifier } from "./rules";
import { getSsoSettings } from "./settings";

export type Claims = Record<string, unknown>;

export interface SsoContext {
  /** AUTH_SECRET: keys mailed login codes (as in the password login). */
  key: string;
  totpKeys: TotpKeyring;
  /** Keys the BSN and eHerkenning-subject hashes (identifierHashKey()). */
  hashKey: string;
  now: Date;
  userAgent: string | null;
}

/** Refusals the login page words; none says whether some other account exists. */
export type SsoRefusal =
  | "SSO_UNKNOWN"
  | "SSO_INACTIVE"
  | "SSO_CITIZEN_UNKNOWN"
  | "SSO_NO_IDENTIFIER"
  | "SSO_LINKED_ELSEWHERE"
  | "SSO_WRONG_ACCOUNT"
  /** eHerkenning for another company than the contact's own organisation (KvK number/RSIN). */
  | "SSO_COMPANY_MISMATCH"
  | "ORGANISATION_INACTIVE";

export type SsoOutcome = { ok: true; user: User } | { ok: false; reason: SsoRefusal };

const refuse = (reason: SsoRefusal): SsoOutcome => ({ ok: false, reason });
const STAFF = { provider: "staff", kind: "sub" } as const;

type WithMembership = LoketUser & { memberships: { organisation: { active: boolean; twoFactorRequired: boolean } }[] };
const MEMBERSHIP = { memberships: { orderBy: { createdAt: "asc" as const }, take: 1, include: { organisation: { select: { active: true, twoFactorRequired: true } } } } };

/**
 * The rest of the login once the account is known, inside the caller's transaction: the second
 * factor the account needs (unless the IdP's MFA stands in for it) or a full session.
 */
async function continueLogin(tx: Tx, user: WithMembership, ctx: SsoContext, input: { idpMfa: boolean; data: Record<string, unknown> }): Promise<User> {
  const membership = user.memberships[0];
  await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: ctx.now } });
  await audit(tx, { actorId: user.id, action: "auth.login", entityType: "User", entityId: user.id, data: { method: "sso", ...input.data } });
  const base = { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
  const session = () => startSession(tx, { userId: user.id, userAgent: ctx.userAgent, totpKeys: ctx.totpKeys }, ctx.now);
  if (input.idpMfa) return { ...base, sid: await session(), tfaAt: ctx.now.getTime(), mfa: true };
  const step = loginStepAfterPassword({
    staff: isStaff(user.role),
    totpEnabled: user.totpEnabledAt !== null,
    organisationRequires: membership?.organisation.twoFactorRequired ?? false,
  });
  if (step === null) return { ...base, sid: await session() };
  if (step === "ENROL") return { ...base, tfa: "enrol", tfaNonce: randomBytes(16).toString("base64url") };
  const challenge = await openLoginChallenge(tx, user.id, step, ctx.key, ctx.now);
  return { ...base, tfa: "pending", tfaMethod: step, tfaChallenge: challenge.id };
}

/**
 * Staff: the IdP subject linked earlier, or on a first login the IdP's verified e-mail address of
 * an active staff account that has no subject linked yet (the link is stored then). An e-mail the
 * IdP does not vouch for never matches: anyone could otherwise claim a colleague's address.
 */
export async function staffSsoLogin(db: Db, claims: Claims, ctx: SsoContext, options: { mfaAcrValues: readonly string[] }): Promise<SsoOutcome> {
  const sub = typeof claims.sub === "string" && claims.sub ? claims.sub : null;
  if (!sub) return refuse("SSO_UNKNOWN");
  const linked = await db.externalIdentity.findUnique({
    where: { provider_kind_subject: { ...STAFF, subject: sub } },
    include: { user: { include: MEMBERSHIP } },
  });
  let user: WithMembership | null = linked?.user ?? null;
  if (!user) {
    const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
    if (!email || claims.email_verified !== true) return refuse("SSO_UNKNOWN");
    const candidate = await db.user.findUnique({ where: { email }, include: MEMBERSHIP });
    if (!candidate || !isStaff(candidate.role)) return refuse("SSO_UNKNOWN");
    // An account already linked to another subject is not taken over by an address that moved.
    const other = await db.externalIdentity.count({ where: { ...STAFF, userId: candidate.id } });
    if (other > 0) return refuse("SSO_UNKNOWN");
    user = candidate;
  }
  if (!isStaff(user.role)) return refuse("SSO_UNKNOWN");
  if (!user.active) return refuse("SSO_INACTIVE");
  const settings = await getSsoSettings(db);
  const idpMfa = settings.idpMfaCounts && idpShowsMfa(claims, options.mfaAcrValues);
  const account = user;
  const result = await db.$transaction(async (tx) => {
    if (linked) {
      await tx.externalIdentity.update({ where: { id: linked.id }, data: { lastLoginAt: ctx.now } });
    } else {
      const link = await tx.externalIdentity.create({ data: { ...STAFF, subject: sub, userId: account.id, lastLoginAt: ctx.now, createdAt: ctx.now } });
      await audit(tx, { actorId: account.id, action: "auth.sso_linked", entityType: "User", entityId: account.id, data: { provider: "staff", identityId: link.id, by: "email" } });
    }
    return continueLogin(tx, account, ctx, { idpMfa, data: { provider: "staff", idpMfa } });
  });
  return { ok: true, user: result };
}

/** Which claims carry the broker's numbers (lib/sso/config.ts); the RSIN claim defaults to "rsin". */
export interface BrokerClaims {
  bsnClaim: string;
  kvkClaim: string;
  rsinClaim?: string;
}

export type Asserted =
  | { kind: "bsn"; value: string }
  /** eHerkenning: the company's number and the broker's pseudonymous subject for the person acting. */
  | { kind: "kvk" | "rsin"; value: string; person: string | null };

/** What the broker asserts: a BSN (DigiD), or else a company's KvK number or RSIN (eHerkenning). */
export function assertedIdentifier(claims: Claims, options: BrokerClaims): Asserted | null {
  const bsn = normaliseIdentifier("bsn", claims[options.bsnClaim]);
  if (bsn) return { kind: "bsn", value: bsn };
  const company = companyNumber(claims[options.kvkClaim], claims[options.rsinClaim ?? "rsin"]);
  if (!company) return null;
  const person = typeof claims.sub === "string" && claims.sub.trim() ? claims.sub.trim() : null;
  return { ...company, person };
}

const DIGID = { provider: "citizen", kind: "bsn" } as const;
const EHERKENNING = { provider: "citizen", kind: "eherkenning" } as const;

type Organisations = { organisation: { id: string; active: boolean; twoFactorRequired: boolean; kvkNumber: string | null; rsin: string | null } }[];
const ALL_MEMBERSHIPS = {
  memberships: {
    orderBy: { createdAt: "asc" as const },
    include: { organisation: { select: { id: true, active: true, twoFactorRequired: true, kvkNumber: true, rsin: true } } },
  },
};

/** The contact's organisations whose registered number is the one eHerkenning asserted. */
function matchingOrganisations(memberships: Organisations, company: { kind: "kvk" | "rsin"; value: string }) {
  return memberships.filter(({ organisation }) => (company.kind === "kvk" ? organisation.kvkNumber : organisation.rsin) === company.value);
}

/**
 * Citizens (DigiD): only a BSN that was linked from a logged-in account opens it
 * (linkCitizenIdentity); an unknown BSN is refused, with the way to link it.
 */
export async function citizenSsoLogin(db: Db, claims: Claims, ctx: SsoContext, options: BrokerClaims): Promise<SsoOutcome> {
  const asserted = assertedIdentifier(claims, options);
  if (!asserted) return refuse("SSO_NO_IDENTIFIER");
  if (asserted.kind !== "bsn") return employerSsoLogin(db, asserted, ctx);
  const subject = identifierHash("bsn", asserted.value, ctx.hashKey);
  const linked = await db.externalIdentity.findUnique({
    where: { provider_kind_subject: { ...DIGID, subject } },
    include: { user: { include: MEMBERSHIP } },
  });
  if (!linked || linked.user.role !== "BENEFICIARY") return refuse("SSO_CITIZEN_UNKNOWN");
  const user = linked.user;
  if (!user.active) return refuse("SSO_INACTIVE");
  if (user.memberships[0] && !user.memberships[0].organisation.active) return refuse("ORGANISATION_INACTIVE");
  const result = await db.$transaction(async (tx) => {
    await tx.externalIdentity.update({ where: { id: linked.id }, data: { lastLoginAt: ctx.now } });
    return continueLogin(tx, user, ctx, { idpMfa: false, data: { provider: "citizen", kind: "bsn" } });
  });
  return { ok: true, user: result };
}

/**
 * Employers (eHerkenning): the KvK number names the company, so several HR contacts of one
 * employer share it. The person is found by the broker's own subject, linked earlier from their
 * account; the asserted number must then be their organisation's registered KvK number or RSIN,
 * so an eHerkenning issued for another company does not open the account.
 */
async function employerSsoLogin(db: Db, asserted: Extract<Asserted, { kind: "kvk" | "rsin" }>, ctx: SsoContext): Promise<SsoOutcome> {
  if (!asserted.person) return refuse("SSO_NO_IDENTIFIER");
  const linked = await db.externalIdentity.findUnique({
    where: { provider_kind_subject: { ...EHERKENNING, subject: identifierHash("eherkenning", asserted.person, ctx.hashKey) } },
    include: { user: { include: ALL_MEMBERSHIPS } },
  });
  if (!linked || linked.user.role !== "EMPLOYER_CONTACT") return refuse("SSO_CITIZEN_UNKNOWN");
  const user = linked.user;
  if (!user.active) return refuse("SSO_INACTIVE");
  const matching = matchingOrganisations(user.memberships, asserted);
  if (matching.length === 0) return refuse("SSO_COMPANY_MISMATCH");
  const organisation = matching.find((m) => m.organisation.active);
  if (!organisation) return refuse("ORGANISATION_INACTIVE");
  const result = await db.$transaction(async (tx) => {
    await tx.externalIdentity.update({ where: { id: linked.id }, data: { lastLoginAt: ctx.now } });
    // The organisation eHerkenning vouched for decides whether Loket asks a second factor.
    const account = { ...user, memberships: [organisation] };
    return continueLogin(tx, account, ctx, { idpMfa: false, data: { provider: "citizen", kind: "eherkenning", organisationId: organisation.organisation.id } });
  });
  return { ok: true, user: result };
}

/**
 * A logged-in beneficiary (DigiD) or employer contact (eHerkenning) links what the broker just
 * asserted to their own account; later logins through the broker open it.
 * - DigiD: one account per BSN; a BSN linked to someone else is refused (the contact centre sorts
 *   that out), and a new BSN replaces the account's earlier one.
 * - eHerkenning: the broker's subject for this person, and only when the asserted KvK number or
 *   RSIN is the contact's own organisation's. Each contact of an employer links their own.
 */
export async function linkCitizenIdentity(
  db: Db,
  userId: string,
  claims: Claims,
  ctx: Pick<SsoContext, "hashKey" | "now">,
  options: BrokerClaims,
): Promise<{ ok: true; kind: "bsn" | "eherkenning" } | { ok: false; reason: SsoRefusal }> {
  const asserted = assertedIdentifier(claims, options);
  if (!asserted || (asserted.kind !== "bsn" && !asserted.person)) return { ok: false, reason: "SSO_NO_IDENTIFIER" };
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true, ...ALL_MEMBERSHIPS } });
  const wanted = asserted.kind === "bsn" ? "BENEFICIARY" : "EMPLOYER_CONTACT";
  if (!user?.active || user.role !== wanted) return { ok: false, reason: "SSO_WRONG_ACCOUNT" };
  let organisationId: string | undefined;
  if (asserted.kind !== "bsn") {
    const matching = matchingOrganisations(user.memberships, asserted);
    if (matching.length === 0) return { ok: false, reason: "SSO_COMPANY_MISMATCH" };
    organisationId = matching[0]!.organisation.id;
  }
  const key = asserted.kind === "bsn" ? DIGID : EHERKENNING;
  const subject = asserted.kind === "bsn" ? identifierHash("bsn", asserted.value, ctx.hashKey) : identifierHash("eherkenning", asserted.person!, ctx.hashKey);
  return db.$transaction(async (tx) => {
    const existing = await tx.externalIdentity.findUnique({ where: { provider_kind_subject: { ...key, subject } } });
    if (existing && existing.userId !== userId) return { ok: false as const, reason: "SSO_LINKED_ELSEWHERE" as const };
    if (!existing) {
      // One DigiD or eHerkenning identity per account: a new link replaces the earlier one (and
      // an employer link from before links were per person, which held the company's number).
      await tx.externalIdentity.deleteMany({ where: { provider: "citizen", userId, kind: asserted.kind === "bsn" ? "bsn" : { in: ["eherkenning", "kvk"] } } });
      const link = await tx.externalIdentity.create({ data: { ...key, subject, userId, createdAt: ctx.now } });
      await audit(tx, {
        actorId: userId,
        action: "auth.sso_linked",
        entityType: "User",
        entityId: userId,
        organisationId: organisationId ?? null,
        data: { provider: "citizen", kind: key.kind, identityId: link.id },
      });
    }
    return { ok: true as const, kind: key.kind };
  });
}
