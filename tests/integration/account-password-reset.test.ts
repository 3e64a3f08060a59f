import { beforeEach, describe, expect, it } from "vitest";
import { requestPasswordReset, resetPasswordWithToken } from "@/lib/account/commands";
import { resetLinkState } from "@/lib/account/queries";
import { attemptLogin } from "@/lib/auth/mutations";
import { verifyPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { updatePasswordPolicy } from "@/lib/settings/admin";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const NEW = "rustige herfstwandeling langs de gracht";
const BRAM = "bram.devries@burger.example";

beforeEach(async () => {
  await seedDemo(now);
});

const row = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
const linkMails = (email: string) => db.outboxMessage.findMany({ where: { toAddress: email, kind: "account.password_reset" }, orderBy: { createdAt: "asc" } });

/** Requests a link and reads its token from the mail in the outbox, as the person would. */
async function requestLink(email: string, at = now): Promise<string> {
  expect(await requestPasswordReset({ email }, at)).toEqual({ ok: true, data: undefined });
  const mails = await linkMails(email.trim().toLowerCase());
  const token = /\/wachtwoord-herstellen\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.bodyText ?? "")?.[1];
  if (!token) throw new Error("no link in the outbox");
  return token;
}

const reset = (token: string, password = NEW, at = now) => resetPasswordWithToken({ token, password, confirm: password }, at);

describe("asking for a reset link", () => {
  it("mails a one-time link for an active account and stores only the token's hash", async () => {
    const token = await requestLink(` ${BRAM.toUpperCase()} `);
    const [mail] = await linkMails(BRAM);
    expect(mail).toMatchObject({ subject: "Nieuw wachtwoord instellen voor Loket", locale: "nl" });
    const stored = await db.passwordResetToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(stored[0]!.expiresAt.toISOString()).toBe(later(60).toISOString());
    expect(await resetLinkState(token, now)).toEqual({ ok: true, email: BRAM });
    expect(await db.auditEvent.count({ where: { action: "account.password_reset_requested" } })).toBe(1);
  });

  it("answers an unknown or inactive address the same, without a mail or a link", async () => {
    await db.user.update({ where: { email: "tom.visser@vandijk.example" }, data: { active: false } });
    for (const email of ["niemand@example.org", "tom.visser@vandijk.example"]) {
      expect(await requestPasswordReset({ email }, now)).toEqual({ ok: true, data: undefined });
    }
    expect(await db.passwordResetToken.count()).toBe(0);
    expect(await db.outboxMessage.count({ where: { kind: "account.password_reset" } })).toBe(0);
    expect(await requestPasswordReset({ email: "geen-adres" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT", fieldErrors: { email: ["INVALID_EMAIL"] } });
  });

  it("makes at most three links per account per hour, answering the fourth the same without a mail", async () => {
    for (let i = 0; i < 3; i++) await requestLink(BRAM, later(i * 10));
    expect(await requestPasswordReset({ email: BRAM }, later(30))).toEqual({ ok: true, data: undefined });
    expect(await linkMails(BRAM)).toHaveLength(3);
    expect(await db.auditEvent.count({ where: { action: "account.password_reset_throttled" } })).toBe(1);
    // An hour after the first, one more is allowed again.
    await requestLink(BRAM, later(61));
    expect(await linkMails(BRAM)).toHaveLength(4);
  });

  it("spends the earlier unused link when a new one is made", async () => {
    const first = await requestLink(BRAM);
    const second = await requestLink(BRAM, later(1));
    expect(await reset(first, NEW, later(2))).toEqual({ ok: false, reason: "RESET_USED" });
    expect(await reset(second, NEW, later(2))).toMatchObject({ ok: true });
  });
});

describe("setting a new password with a link", () => {
  it("sets the password, spends the link, clears the lockout, ends every session, audits and mails a notice", async () => {
    const before = await row(BRAM);
    await db.user.update({ where: { id: before.id }, data: { failedLogins: 0, lockedUntil: later(15) } });
    const token = await requestLink(BRAM);
    expect(await reset(token, NEW, later(5))).toEqual({ ok: true, data: { email: BRAM } });
    const after = await row(BRAM);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(after).toMatchObject({ failedLogins: 0, lockedUntil: null, sessionVersion: before.sessionVersion + 1 });
    expect(after.passwordChangedAt?.toISOString()).toBe(later(5).toISOString());
    expect(await loadSessionUser(before.id, before.sessionVersion)).toBeNull();
    expect((await db.passwordResetToken.findFirstOrThrow()).usedAt?.toISOString()).toBe(later(5).toISOString());
    expect(await db.auditEvent.count({ where: { action: "account.password_reset", entityId: before.id } })).toBe(1);
    const notice = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: BRAM, kind: "account.password_changed" } });
    expect(notice.bodyText).toContain("opnieuw ingesteld via een gemailde link");
    expect(await attemptLogin(db, { email: BRAM, password: NEW }, later(6))).toMatchObject({ ok: true });
    // Used once: the same link is refused afterwards.
    expect(await reset(token, "nog een heel ander wachtwoord", later(7))).toEqual({ ok: false, reason: "RESET_USED" });
    expect(await resetLinkState(token, later(7))).toEqual({ ok: false, reason: "RESET_USED" });
  });

  it("refuses an expired and an unknown link; nothing stored", async () => {
    const before = await row(BRAM);
    const token = await requestLink(BRAM);
    expect(await reset(token, NEW, later(61))).toEqual({ ok: false, reason: "RESET_EXPIRED" });
    expect(await resetLinkState(token, later(61))).toEqual({ ok: false, reason: "RESET_EXPIRED" });
    expect(await reset("x".repeat(43))).toEqual({ ok: false, reason: "RESET_INVALID" });
    expect(await resetLinkState("onzin", now)).toEqual({ ok: false, reason: "RESET_INVALID" });
    const after = await row(BRAM);
    expect([after.passwordHash, after.sessionVersion]).toEqual([before.passwordHash, before.sessionVersion]);
    expect((await db.passwordResetToken.findFirstOrThrow()).usedAt).toBeNull();
    expect(await db.outboxMessage.count({ where: { kind: "account.password_changed" } })).toBe(0);
  });

  it("applies the configured policy and keeps the link usable after a refusal", async () => {
    await updatePasswordPolicy.execute(await sessionFor("admin@loket.example"), { minLength: 16, maxLength: 64, requireClasses: 3, forbiddenCharacters: "<>" }, now);
    const before = await row(BRAM);
    const token = await requestLink(BRAM);
    expect(await reset(token, "te kort 1A")).toEqual({ ok: false, reason: "PASSWORD_TOO_SHORT" });
    expect(await reset(token, "alleen kleine letters hier")).toEqual({ ok: false, reason: "PASSWORD_CLASSES" });
    expect(await reset(token, "Met <verboden> tekens 2026")).toEqual({ ok: false, reason: "PASSWORD_FORBIDDEN_CHARACTER" });
    expect(await resetPasswordWithToken({ token, password: NEW, confirm: "anders" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect((await row(BRAM)).passwordHash).toBe(before.passwordHash);
    expect((await db.passwordResetToken.findFirstOrThrow()).usedAt).toBeNull();
    expect(await reset(token, "Herfst-Wandeling 2026 gracht")).toMatchObject({ ok: true });
  });

  it("lets only one of two racing uses of a link through", async () => {
    const token = await requestLink(BRAM);
    const results = await Promise.all([reset(token, NEW), reset(token, "een tweede nieuw wachtwoord")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "RESET_USED" }]);
    expect(await db.outboxMessage.count({ where: { kind: "account.password_changed" } })).toBe(1);
  });

  it("finishes a reset racing a new request for the same account without a deadlock", async () => {
    const token = await requestLink(BRAM);
    const [used, requested] = await Promise.all([reset(token), requestPasswordReset({ email: BRAM }, now)]);
    expect(requested).toEqual({ ok: true, data: undefined });
    // Whichever came first: the link set the password, or the new request spent it.
    expect([{ ok: true, data: { email: BRAM } }, { ok: false, reason: "RESET_USED" }]).toContainEqual(used);
  });

  it("does not bypass a second factor: the next login still asks for the code", async () => {
    await db.user.update({ where: { email: "behandelaar@loket.example" }, data: { totpSecret: "encrypted-elsewhere", totpEnabledAt: now } });
    const token = await requestLink("behandelaar@loket.example");
    expect(await reset(token)).toMatchObject({ ok: true });
    const after = await row("behandelaar@loket.example");
    expect(after.totpEnabledAt?.toISOString()).toBe(now.toISOString());
    expect(await attemptLogin(db, { email: "behandelaar@loket.example", password: NEW }, later(1))).toMatchObject({ ok: true, user: { secondFactor: "TOTP" } });
  });

  it("refuses a link of an account deactivated after it was sent", async () => {
    const token = await requestLink(BRAM);
    await db.user.update({ where: { email: BRAM }, data: { active: false } });
    expect(await reset(token)).toEqual({ ok: false, reason: "RESET_INVALID" });
  });
});
