import { encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { beginPendingEnrolment, finishPendingEnrolment } from "@/lib/auth/enrolment";
import { codeStep, enrolledStep, passwordStep, pendingEnrolmentOf, resolveSession, tokenFromCookies } from "@/lib/auth/login-flow";
import { attemptLogin } from "@/lib/auth/mutations";
import { signDeviceToken, totpCode } from "@/lib/auth/two-factor-rules";
import { db } from "@/lib/db/client";
import { inviteStaffMember } from "@/lib/staff/commands";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { DEMO_TOTP_SECRET } from "@/prisma/seed-totp";
import { seedDemo } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const at = (s: number) => new Date(now.getTime() + s * 1000);
const key = authSecret();
const login = (email: string, device: string | null = null, when = at(60)) => passwordStep(db, { email, password: DEMO_PASSWORD }, device, loginContext(when));
/** The token next-auth would keep after a step (the jwt callback copies these fields). */
const tokenOf = (user: Awaited<ReturnType<typeof login>>): JWT => ({
  uid: user.id,
  role: user.role,
  sv: user.sv,
  tfa: user.tfa,
  tfaMethod: user.tfaMethod,
  tfaChallenge: user.tfaChallenge,
  tfaNonce: user.tfaNonce,
  mfa: user.mfa,
  sid: user.sid,
});

async function clearTotp(email: string) {
  await db.user.update({ where: { email }, data: { totpSecret: null, totpEnabledAt: null, recoveryCodes: [] } });
}

beforeEach(async () => {
  await seedDemo(now);
});

describe("staff must use TOTP", () => {
  it("the demo staff are enrolled with the documented secret, stored encrypted; others keep their rules", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    expect(agent.totpEnabledAt).not.toBeNull();
    expect(agent.totpSecret).not.toContain(DEMO_TOTP_SECRET);
    expect(await attemptLogin(db, { email: "agent@loket.example", password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: "TOTP" } });
    expect(await attemptLogin(db, { email: "anna.jansen@burger.example", password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: null } });
    expect(await attemptLogin(db, { email: "tom.visser@vandijk.example", password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: null } });
    await clearTotp("admin@loket.example");
    expect(await attemptLogin(db, { email: "admin@loket.example", password: DEMO_PASSWORD }, now)).toMatchObject({ ok: true, user: { secondFactor: "ENROL" } });
  });

  it("an enrolled staff login needs the code: the demo code passes once, a replay in the same step is refused", async () => {
    const first = await login("behandelaar@loket.example");
    expect(first).toMatchObject({ tfa: "pending", tfaMethod: "TOTP" });
    expect(await resolveSession({ userId: first.id, sv: first.sv, pending: true, mfa: false })).toBeNull();
    const code = totpCode(DEMO_TOTP_SECRET, at(60));
    await expect(codeStep(db, tokenOf(first), "000000" === code ? "111111" : "000000", loginContext(at(60)))).rejects.toThrow("WRONG_CODE");
    const done = await codeStep(db, tokenOf(first), code, loginContext(at(61)));
    expect(done).toMatchObject({ mfa: true });
    expect(await resolveSession({ userId: done.id, sv: done.sv, sid: done.sid, pending: false, mfa: true })).toMatchObject({ email: "behandelaar@loket.example" });
    const second = await login("behandelaar@loket.example", null, at(65));
    await expect(codeStep(db, tokenOf(second), code, loginContext(at(65)))).rejects.toThrow("REPLAYED_CODE");
  });

  it("a remembered device skips the code, unless it was remembered before the current enrolment", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const device = signDeviceToken(agent.id, new Date(at(30).getTime() + 30 * 86_400_000), key);
    const remembered = await login("agent@loket.example", device);
    expect(remembered.mfa).toBe(true);
    expect(remembered.tfa).toBeUndefined();
    await db.user.update({ where: { id: agent.id }, data: { totpEnabledAt: at(45) } });
    expect(await login("agent@loket.example", device)).toMatchObject({ tfa: "pending" });
  });

  it("a password change or reset voids devices remembered before it", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const device = signDeviceToken(agent.id, new Date(at(30).getTime() + 30 * 86_400_000), key);
    expect(await login("agent@loket.example", device)).toMatchObject({ mfa: true });
    await db.user.update({ where: { id: agent.id }, data: { passwordChangedAt: at(40) } });
    expect(await login("agent@loket.example", device)).toMatchObject({ tfa: "pending" });
    const newer = signDeviceToken(agent.id, new Date(at(50).getTime() + 30 * 86_400_000), key);
    expect(await login("agent@loket.example", newer)).toMatchObject({ mfa: true });
  });

  it("a staff session that has not passed TOTP is no session: pages, routes and actions see nobody", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@loket.example" } });
    // A server-side session exists: only the missing second factor stands in the way.
    const sid = (await db.authSession.create({ data: { userId: admin.id } })).id;
    const unpassed = await resolveSession({ userId: admin.id, sv: admin.sessionVersion, sid, pending: false, mfa: false });
    expect(unpassed).toBeNull();
    expect(await inviteStaffMember.execute(unpassed, { name: "Nieuw", email: "nieuw@loket.example", role: "CASE_HANDLER", teamIds: [] }, now)).toMatchObject({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await resolveSession({ userId: admin.id, sv: admin.sessionVersion, sid, pending: true, mfa: true })).toBeNull();
    expect(await resolveSession({ userId: admin.id, sv: admin.sessionVersion, sid, pending: false, mfa: true })).toMatchObject({ role: "ADMIN" });
    // Beneficiaries and employer contacts without a second factor keep their sessions.
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    const annaSid = (await db.authSession.create({ data: { userId: anna.id } })).id;
    expect(await resolveSession({ userId: anna.id, sv: anna.sessionVersion, sid: annaSid, pending: false, mfa: false })).toMatchObject({ role: "BENEFICIARY" });
    // Another person's session id opens nothing.
    expect(await resolveSession({ userId: anna.id, sv: anna.sessionVersion, sid, pending: false, mfa: false })).toBeNull();
  });
});

describe("a staff login without TOTP is held for enrolment", () => {
  it("can enrol and then continue with the proof of that same pending login, not of another", async () => {
    await clearTotp("coordinator@loket.example");
    const held = await login("coordinator@loket.example");
    expect(held).toMatchObject({ tfa: "enrol" });
    const other = await login("coordinator@loket.example", null, at(62));
    const pending = await pendingEnrolmentOf(db, tokenOf(held));
    expect(pending).toMatchObject({ userId: held.id });
    // Held, it is no session: the code step and the places refuse it.
    await expect(codeStep(db, tokenOf(held), "123456", loginContext(at(61)))).rejects.toThrow("SESSION_EXPIRED");
    expect(await resolveSession({ userId: held.id, sv: held.sv, pending: true, mfa: false })).toBeNull();

    const started = await beginPendingEnrolment(pending);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.data.qr).toMatch(/^data:image\/png;base64,/);
    expect(await finishPendingEnrolment(pending, { code: "12" }, key, at(70))).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { code: ["SIX_DIGITS"] } });
    const finished = await finishPendingEnrolment(pending, { code: totpCode(started.data.secret, at(70)) }, key, at(70));
    expect(finished.ok).toBe(true);
    if (!finished.ok) return;
    expect(finished.data.recoveryCodes).toHaveLength(10);

    await expect(enrolledStep(db, tokenOf(other), finished.data.proof, loginContext(at(75)))).rejects.toThrow("ENROLMENT_INCOMPLETE");
    await expect(enrolledStep(db, tokenOf(held), "forged", loginContext(at(75)))).rejects.toThrow("ENROLMENT_INCOMPLETE");
    const full = await enrolledStep(db, tokenOf(held), finished.data.proof, loginContext(at(75)));
    expect(full.mfa).toBe(true);
    expect(full.tfa).toBeUndefined();
    expect(await resolveSession({ userId: full.id, sv: full.sv, sid: full.sid, pending: false, mfa: true })).toMatchObject({ role: "TEAM_COORDINATOR" });
    const events = await db.auditEvent.findMany({ where: { entityId: held.id, action: "auth.totp_enrolled" } });
    expect(events).toHaveLength(1);
  });

  it("enrolment needs a pending login: nobody, or a finished session, gets SESSION_EXPIRED", async () => {
    expect(await beginPendingEnrolment(null)).toMatchObject({ ok: false, reason: "SESSION_EXPIRED" });
    expect(await finishPendingEnrolment(null, { code: "123456" }, key, now)).toMatchObject({ ok: false, reason: "SESSION_EXPIRED" });
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    expect(await pendingEnrolmentOf(db, { uid: agent.id, role: agent.role, sv: agent.sessionVersion, mfa: true })).toBeNull();
    await expect(enrolledStep(db, { uid: agent.id, role: agent.role, sv: agent.sessionVersion, mfa: true }, "x", loginContext(now))).rejects.toThrow("SESSION_EXPIRED");
  });

  it("reads the pending login from the session cookie, and not a tampered one", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@loket.example" } });
    const cookie = await encode({ token: { uid: agent.id, role: agent.role, sv: 0, tfa: "enrol", tfaNonce: "n1" }, secret: key });
    expect(await tokenFromCookies(`a=b; next-auth.session-token=${cookie}`, key)).toMatchObject({ tfa: "enrol", tfaNonce: "n1" });
    expect(await tokenFromCookies(`next-auth.session-token=${cookie.slice(0, -4)}AAAA`, key)).toBeNull();
  });
});
