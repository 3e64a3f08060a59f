import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import { defineAction, fail, fieldErrorsOf, ok, type ActionResult } from "@/lib/actions/define";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkPassword } from "@/lib/auth/password-policy";
import { getPasswordPolicy } from "@/lib/auth/password-settings";
import { isLocked } from "@/lib/auth/rules";
import { db, type Tx } from "@/lib/db/client";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { AccountRuleError, createResetLink, recordWrongPassword, spendResetToken, storeNewPassword } from "./mutations";
import { checkResetToken, hashResetToken } from "./rules";
import { changePasswordSchema, requestResetSchema, resetPasswordSchema } from "./schema";

/** The policy check, repeated inside the transaction so a policy saved meanwhile still counts. */
async function assertPolicy(client: Tx | typeof db, password: string, person: { email: string | null; name: string }): Promise<void> {
  const refusal = checkPassword(password, person, await getPasswordPolicy(client));
  if (refusal) throw new AccountRuleError(refusal);
}

function refused(error: unknown, action: string): ActionResult<never> {
  if (error instanceof AccountRuleError) return fail(error.code);
  console.error(`[action ${action}] failed`, error instanceof Error ? error.stack : error);
  return fail("UNEXPECTED");
}

/**
 * A signed-in person changes their password. A wrong current password counts toward the lockout.
 * Afterwards every session ends, this one included: the person logs in again with the new one.
 */
export const changeOwnPassword = defineAction({
  name: "account.password.change",
  schema: changePasswordSchema,
  permission: "account.password.change",
  async handler(input, { user: session, now }) {
    const user = await db.user.findUniqueOrThrow({ where: { id: session.id }, select: { id: true, email: true, name: true, passwordHash: true, lockedUntil: true } });
    if (isLocked(user.lockedUntil, now)) return fail("LOCKED");
    if (!(await verifyPassword(user.passwordHash, input.current))) {
      const { locked } = await db.$transaction((tx) => recordWrongPassword(tx, user.id, now));
      return fail(locked ? "LOCKED" : "WRONG_PASSWORD");
    }
    if (input.password === input.current) return fail("PASSWORD_UNCHANGED");
    try {
      await assertPolicy(db, input.password, user);
      // Hashed outside the transaction: the embedded database runs one transaction at a time.
      const newHash = await hashPassword(input.password);
      await db.$transaction(async (tx) => {
        await assertPolicy(tx, input.password, user);
        await storeNewPassword(tx, { userId: user.id, newHash, expectedHash: user.passwordHash, how: "change" }, now);
      });
      return ok(undefined);
    } catch (error) {
      return refused(error, "account.password.change");
    }
  },
});

/**
 * Public. Always the same answer, whether or not the address has an account (no enumeration), and
 * also when a rate limit (per client address, per account) holds the request back: then nothing
 * is looked up or mailed. `ip` comes from the action (clientIp); callers without one skip that limit.
 */
export async function requestPasswordReset(rawInput: unknown, now: Date, context: { ip?: string } = {}): Promise<ActionResult<undefined>> {
  const parsed = requestResetSchema.safeParse(rawInput);
  if (!parsed.success) return fail("INVALID_INPUT", fieldErrorsOf(parsed.error));
  try {
    // Outside the transaction: the limiter has its own connection (see lib/security/rate-limit.ts).
    if (context.ip !== undefined && !(await consumeRateLimit("password_reset_ip", context.ip)).ok) return ok(undefined);
    if (!(await consumeRateLimit("password_reset_account", parsed.data.email)).ok) return ok(undefined);
    await db.$transaction((tx) => createResetLink(tx, parsed.data.email, now));
    return ok(undefined);
  } catch (error) {
    return refused(error, "account.password.requestReset");
  }
}

/** Public: the mailed token is the credential. Sets the password only; a second factor stays due at login. */
export async function resetPasswordWithToken(rawInput: unknown, now: Date): Promise<ActionResult<{ email: string }>> {
  const parsed = resetPasswordSchema.safeParse(rawInput);
  if (!parsed.success) return fail("INVALID_INPUT", fieldErrorsOf(parsed.error));
  const tokenHash = hashResetToken(parsed.data.token);
  try {
    const row = await db.passwordResetToken.findUnique({ where: { tokenHash }, include: { user: { select: { email: true, name: true, active: true } } } });
    const refusal = checkResetToken(row, now);
    if (refusal || !row) return fail(refusal ?? "RESET_INVALID");
    await assertPolicy(db, parsed.data.password, row.user);
    const newHash = await hashPassword(parsed.data.password);
    await db.$transaction(async (tx) => {
      const { userId } = await spendResetToken(tx, tokenHash, now);
      await assertPolicy(tx, parsed.data.password, row.user);
      await storeNewPassword(tx, { userId, newHash, how: "reset" }, now);
    });
    return ok({ email: accountEmail(row.user) });
  } catch (error) {
    return refused(error, "account.password.reset");
  }
}
