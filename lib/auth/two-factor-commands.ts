import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { errorCode } from "@/lib/forms/error-code";
import { audit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import { totpKeyring } from "./auth-secret";
import { countFailedLogin } from "./mutations";
import { verifyPassword } from "./password";
import { isLocked } from "./rules";
import { beginTotpEnrolment, confirmTotpEnrolment, TwoFactorError } from "./two-factor";

function refusal(error: unknown) {
  if (error instanceof TwoFactorError) return fail(error.code);
  throw error;
}

/**
 * A change to the second factor asks for the password again, so a session left open (or taken
 * over) cannot swap in another authenticator. A wrong password counts like a failed login.
 */
export async function confirmPassword(userId: string, password: string, now: Date): Promise<"WRONG_PASSWORD" | "LOCKED" | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, lockedUntil: true } });
  if (isLocked(user.lockedUntil, now)) return "LOCKED";
  if (await verifyPassword(user.passwordHash, password)) return null;
  const { locked } = await db.$transaction(async (tx) => {
    const counted = await countFailedLogin(tx, userId, now);
    if (!counted.locked) await audit(tx, { actorId: userId, action: "auth.reauth_failed", entityType: "User", entityId: userId });
    return counted;
  });
  return locked ? "LOCKED" : "WRONG_PASSWORD";
}

// Starting needs no password: it only stores a new, not yet enabled secret (an enabled one is
// refused); nothing takes effect before the confirmation, which asks for it.
export const startTotpEnrolment = defineAction({
  name: "auth.totp_begin",
  schema: z.object({}),
  permission: "account.twoFactor.manage",
  handler: async (_input, { user }) => {
    try {
      const started = await db.$transaction((tx) => beginTotpEnrolment(tx, user.id, totpKeyring()));
      const qr = await QRCode.toDataURL(started.uri, { margin: 1, width: 220 });
      return ok({ secret: started.secret, uri: started.uri, qr });
    } catch (error) {
      return refusal(error);
    }
  },
});

export const finishTotpEnrolment = defineAction({
  name: "auth.totp_confirm",
  schema: z.object({
    code: z.string().trim().regex(/^\d{6}$/, "SIX_DIGITS"),
    password: z.string().min(1, "REQUIRED").max(256, errorCode("TOO_LONG", 256)),
  }),
  permission: "account.twoFactor.manage",
  handler: async (input, { user, now }) => {
    const refused = await confirmPassword(user.id, input.password, now);
    if (refused) return fail(refused);
    try {
      return ok(await db.$transaction((tx) => confirmTotpEnrolment(tx, user.id, input.code, totpKeyring(), now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
