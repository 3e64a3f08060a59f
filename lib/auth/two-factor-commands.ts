import "server-only";
import QRCode from "qrcode";
import { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { authSecret } from "./auth-secret";
import { beginTotpEnrolment, confirmTotpEnrolment, TwoFactorError } from "./two-factor";

const ALL_SIGNED_IN = ["EMPLOYER_CONTACT", "BENEFICIARY", "CALLCENTER_AGENT", "CASE_HANDLER", "TEAM_COORDINATOR", "MANAGER", "CUSTOMER_SUCCESS_MANAGER", "OMBUDS", "ADMIN"] as const;

function refusal(error: unknown) {
  if (error instanceof TwoFactorError) return fail(error.code);
  throw error;
}

export const startTotpEnrolment = defineAction({
  name: "auth.totp_begin",
  schema: z.object({}),
  roles: ALL_SIGNED_IN,
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
  roles: ALL_SIGNED_IN,
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => confirmTotpEnrolment(tx, user.id, input.code, authSecret(), now)));
    } catch (error) {
      return refusal(error);
    }
  },
});
