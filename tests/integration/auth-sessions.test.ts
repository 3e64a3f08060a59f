// Server-side sessions: a completed login has an AuthSession row, the cookie carries its id, and
// logging out ends the row, so a cookie saved before the logout opens nothing afterwards.
import { decode, encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { authSecret } from "@/lib/auth/auth-secret";
import { passwordStep, resolveSession } from "@/lib/auth/login-flow";
import { logOutEverywhere } from "@/lib/auth/session-commands";
import { endSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { seedDemo, sessionFor } from "../support/fixtures";
import { loginContext } from "../support/login-context";

const now = new Date("2026-11-24T10:00:00Z");
const at = (s: number) => new Date(now.getTime() + s * 1000);
const ANNA = "anna.jansen@burger.example";
const key = authSecret();

/** The cookie next-auth would set after the login (the jwt callback copies these fields). */
async function cookieAfterLogin(email: string, when: Date, userAgent = "vitest"): Promise<string> {
  const user = await passwordStep(db, { email, password: DEMO_PASSWORD }, null, loginContext(when, { userAgent }));
  return encode({ token: { uid: user.id, role: user.role, sv: user.sv, sid: user.sid, mfa: user.mfa }, secret: key });
}

/** What getSessionUser does with a cookie: decode it and resolve it. */
async function personOf(cookie: string) {
  const token = (await decode({ token: cookie, secret: key })) as JWT | null;
  return resolveSession({ userId: token?.uid, sv: token?.sv, sid: token?.sid, pending: Boolean(token?.tfa), mfa: token?.mfa === true });
}

beforeEach(async () => {
  await seedDemo(now);
});

describe("logout ends the session on the server", () => {
  it("a completed login opens a session row; a cookie saved before logout no longer resolves to anyone after it", async () => {
    const saved = await cookieAfterLogin(ANNA, at(1), "Firefox/140");
    const token = (await decode({ token: saved, secret: key }))!;
    expect(token.sid).toEqual(expect.any(String));
    expect(await db.authSession.findUniqueOrThrow({ where: { id: token.sid! } })).toMatchObject({ userId: token.uid, endedAt: null, userAgent: "Firefox/140" });
    expect(await personOf(saved)).toMatchObject({ email: ANNA });

    expect(await db.$transaction((tx) => endSession(tx, { sid: token.sid!, userId: token.uid }, at(60)))).toBe(true);
    expect(await personOf(saved)).toBeNull();
    // Logged once, even when the sign-out backstop ends the same session again.
    expect(await db.$transaction((tx) => endSession(tx, { sid: token.sid!, userId: token.uid }, at(61)))).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "auth.logout", entityId: token.sid! } })).toBe(1);
  });

  it("a token without a server-side session, or naming another person's, is no session", async () => {
    const anna = await db.user.findUniqueOrThrow({ where: { email: ANNA } });
    const bare = await encode({ token: { uid: anna.id, role: anna.role, sv: anna.sessionVersion }, secret: key });
    expect(await personOf(bare)).toBeNull();
    const bram = await cookieAfterLogin("bram.devries@burger.example", at(1));
    const bramSid = (await decode({ token: bram, secret: key }))!.sid;
    const borrowed = await encode({ token: { uid: anna.id, role: anna.role, sv: anna.sessionVersion, sid: bramSid }, secret: key });
    expect(await personOf(borrowed)).toBeNull();
    expect(await personOf(bram)).toMatchObject({ email: "bram.devries@burger.example" });
  });

  it("logging out ends that session only; the person's other devices stay signed in", async () => {
    const laptop = await cookieAfterLogin(ANNA, at(1));
    const phone = await cookieAfterLogin(ANNA, at(2));
    const token = (await decode({ token: laptop, secret: key }))!;
    await db.$transaction((tx) => endSession(tx, { sid: token.sid!, userId: token.uid }, at(60)));
    expect(await personOf(laptop)).toBeNull();
    expect(await personOf(phone)).toMatchObject({ email: ANNA });
  });

  it("'log out everywhere' ends every session of the person, also one on another device, and is audited", async () => {
    const laptop = await cookieAfterLogin(ANNA, at(1));
    const phone = await cookieAfterLogin(ANNA, at(2));
    const bram = await cookieAfterLogin("bram.devries@burger.example", at(3));
    const anna = await sessionFor(ANNA);
    expect(await logOutEverywhere.execute(anna, {}, at(60))).toEqual({ ok: true, data: { ended: 2 } });
    expect(await personOf(laptop)).toBeNull();
    expect(await personOf(phone)).toBeNull();
    expect(await personOf(bram)).toMatchObject({ email: "bram.devries@burger.example" });
    expect(await db.authSession.count({ where: { userId: anna.id, endedAt: null } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.logout_everywhere", entityId: anna.id } });
    expect(event).toMatchObject({ actorId: anna.id, data: { ended: 2 } });
    // A new login afterwards works as usual.
    expect(await personOf(await cookieAfterLogin(ANNA, at(70)))).toMatchObject({ email: ANNA });
  });

  it("'log out everywhere' needs a session", async () => {
    expect(await logOutEverywhere.execute(null, {}, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
  });
});
