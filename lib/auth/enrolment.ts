import "server-only";
// TOTP enrolment for a staff login held before its workspace: the only thing such a login can do.
// Separate from the signed-in enrolment (two-factor-commands.ts) because there is no session user.
// Unlike that one it does not ask for the password again: the password was given moments ago in
// this very login, and the held login can do nothing but enrol (nor outlive its pending cookie).
import QRCode from "qrcode";
import { z } from "zod";
import { fail, fieldErrorsOf, ok, type ActionResult } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { totpKeyring } from "./auth-secret";
import { beginTotpEnrolment, confirmTotpEnrolment, TwoFactorError } from "./two-factor";
import { enrolmentProof } from "./two-factor-rules";

export interface PendingEnrolment {
  userId: string;
  nonce: string;
}

const confirmSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "SIX_DIGITS") });

function refusal(error: unknown) {
  if (error instanceof TwoFactorError) return fail(error.code);
  console.error("[action auth.enrol] failed", error instanceof Error ? error.stack : error);
  return fail("UNEXPECTED");
}

export async function beginPendingEnrolment(pending: PendingEnrolment | null): Promise<ActionResult<{ secret: string; qr: string }>> {
  if (!pending) return fail("SESSION_EXPIRED");
  try {
    const started = await db.$transaction((tx) => beginTotpEnrolment(tx, pending.userId, totpKeyring()));
    return ok({ secret: started.secret, qr: await QRCode.toDataURL(started.uri, { margin: 1, width: 220 }) });
  } catch (error) {
    return refusal(error);
  }
}

/** Confirms with a first code; returns the recovery codes (shown once) and the proof to continue. */
export async function finishPendingEnrolment(
  pending: PendingEnrolment | null,
  rawInput: unknown,
  key: string,
  now: Date,
): Promise<ActionResult<{ recoveryCodes: string[]; proof: string }>> {
  if (!pending) return fail("SESSION_EXPIRED");
  const parsed = confirmSchema.safeParse(rawInput);
  if (!parsed.success) return fail("INVALID_INPUT", fieldErrorsOf(parsed.error));
  try {
    const { recoveryCodes } = await db.$transaction((tx) => confirmTotpEnrolment(tx, pending.userId, parsed.data.code, totpKeyring(), now));
    return ok({ recoveryCodes, proof: enrolmentProof(pending.userId, pending.nonce, key) });
  } catch (error) {
    return refusal(error);
  }
}
