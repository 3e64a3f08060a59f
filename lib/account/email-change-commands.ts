import "server-only";
import { defineAction, fail, fieldErrorsOf, ok, type ActionResult } from "@/lib/actions/define";
import { verifyPassword } from "@/lib/auth/password";
import { isLocked } from "@/lib/auth/rules";
import { db } from "@/lib/db/client";
import { confirmEmailChange, EmailChangeError, requestEmailChange } from "./email-change";
import { confirmEmailChangeSchema, requestEmailChangeSchema } from "./email-change-schema";
import { recordWrongPassword } from "./mutations";

/**
 * A signed-in person asks to use another e-mail address. The current password proves it is them
 * (a wrong one counts toward the lockout, as for a password change); the address changes only
 * once the link mailed to the new address is used.
 */
export const requestOwnEmailChange = defineAction({
  name: "account.email.change",
  schema: requestEmailChangeSchema,
  permission: "account.email.change",
  async handler(input, { user: session, now }) {
    const user = await db.user.findUniqueOrThrow({ where: { id: session.id }, select: { id: true, passwordHash: true, lockedUntil: true } });
    if (isLocked(user.lockedUntil, now)) return fail("LOCKED");
    if (!(await verifyPassword(user.passwordHash, input.current))) {
      const { locked } = await db.$transaction((tx) => recordWrongPassword(tx, user.id, now));
      return fail(locked ? "LOCKED" : "WRONG_PASSWORD");
    }
    try {
      await db.$transaction((tx) => requestEmailChange(tx, user.id, input.email, now));
      return ok({ email: input.email });
    } catch (error) {
      if (error instanceof EmailChangeError) return fail(error.code);
      throw error;
    }
  },
});

/** Public: the mailed token is the credential (the link may be opened on another device). */
export async function confirmEmailChangeWithToken(rawInput: unknown, now: Date): Promise<ActionResult<{ email: string }>> {
  const parsed = confirmEmailChangeSchema.safeParse(rawInput);
  if (!parsed.success) return fail("INVALID_INPUT", fieldErrorsOf(parsed.error));
  try {
    return ok(await db.$transaction((tx) => confirmEmailChange(tx, parsed.data.token, now)));
  } catch (error) {
    if (error instanceof EmailChangeError) return fail(error.code);
    console.error("[action account.email.confirm] failed", error instanceof Error ? error.stack : error);
    return fail("UNEXPECTED");
  }
}
