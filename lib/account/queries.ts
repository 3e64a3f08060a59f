import "server-only";
import { accountEmail } from "@/lib/auth/account-email";
import { getPasswordPolicy } from "@/lib/auth/password-settings";
import { db } from "@/lib/db/client";
import { checkResetToken, hashResetToken, type ResetRefusal } from "./rules";

/** What the reset page may show for a link: the account's address, or why the link is no good. */
export async function resetLinkState(token: string, now: Date): Promise<{ ok: true; email: string } | { ok: false; reason: ResetRefusal }> {
  // Tokens are 43 characters; anything far off is not worth a database read.
  if (token.length < 20 || token.length > 200) return { ok: false, reason: "RESET_INVALID" };
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    include: { user: { select: { email: true, active: true } } },
  });
  const refusal = checkResetToken(row, now);
  return refusal || !row ? { ok: false, reason: refusal ?? "RESET_INVALID" } : { ok: true, email: accountEmail(row.user) };
}

/** The active password policy, for the forms that show it. */
export function loadPasswordPolicy() {
  return getPasswordPolicy(db);
}
