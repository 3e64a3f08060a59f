"use server";
import { cookies, headers } from "next/headers";
import { authSecret, DEVICE_COOKIE } from "./auth-secret";
import { beginPendingEnrolment, finishPendingEnrolment } from "./enrolment";
import { getPendingEnrolment, getSessionUser, getTwoFactorCompletedAt } from "./session";
import { finishTotpEnrolment, startTotpEnrolment } from "./two-factor-commands";
import { REMEMBER_DEVICE_DAYS, signDeviceToken } from "./two-factor-rules";

/**
 * "Remember this device for 30 days": only right after the second factor was completed in this
 * session, so a stolen full session cannot mint a device token later.
 */
export async function rememberDeviceAction(): Promise<{ ok: boolean }> {
  const user = await getSessionUser();
  const completedAt = await getTwoFactorCompletedAt();
  const now = Date.now();
  if (!user || completedAt === null || now - completedAt > 2 * 60_000) return { ok: false };
  const expires = new Date(now + REMEMBER_DEVICE_DAYS * 24 * 3_600_000);
  const secure = (await headers()).get("x-forwarded-proto") === "https" || (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  (await cookies()).set(DEVICE_COOKIE, signDeviceToken(user.id, expires, authSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires,
  });
  return { ok: true };
}

export async function startTotpEnrolmentAction() {
  return startTotpEnrolment.execute(await getSessionUser(), {}, new Date());
}

export async function finishTotpEnrolmentAction(input: unknown) {
  return finishTotpEnrolment.execute(await getSessionUser(), input, new Date());
}

/** Staff held for enrolment: start (QR code) and confirm (first code), for that pending login only. */
export async function startPendingEnrolmentAction() {
  return beginPendingEnrolment(await getPendingEnrolment(), authSecret());
}

export async function finishPendingEnrolmentAction(input: unknown) {
  return finishPendingEnrolment(await getPendingEnrolment(), input, authSecret(), new Date());
}
