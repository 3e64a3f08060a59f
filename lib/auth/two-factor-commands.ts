import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { authSecret } from "./auth-secret";
import { beginTotpEnrolment, confirmTotpEnrolment, TwoFactorError } from "./two-factor";

function refusal(error: unknown) {
  if (error instanceof TwoFactorError) return fail(error.code);
  throw error;
}

export const startTotpEnrolment = defineAction({
  name: "auth.totp_begin",
  schema: z.object({}),
  permission: "account.twoFactor.manage",
  handler: async (_input, { user }) => {
    try {
      const started = await db.$transaction((tx) => beginTotpEnrolment(tx, user.id, authSecret()));
      const qr = await QRCode.toDataURL(started.uri, { margin: 1, width: 220 });
      return ok({ secret: started.secret, uri: started.uri, qr });
    } catch (error) {
      return refusal(error);
    }
  },
});

export const finishTotpEnrolment = defineAction({
  name: "auth.totp_confirm",
  schema: z.object({ code: z.string().trim().regex(/^\d{6}$/, "SIX_DIGITS") }),
  permission: "account.twoFactor.manage",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => confirmTotpEnrolment(tx, user.id, input.code, authSecret(), now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
