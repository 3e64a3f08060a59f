"use server";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/db/client";
import { authSecret, DEVICE_COOKIE } from "./auth-secret";
import { beginPendingEnrolment, finishPendingEnrolment } from "./enrolment";
import { currentToken, getPendingEnrolment, getSessionUser, getTwoFactorCompletedAt } from "./session";
import { logOutEverywhere } from "./session-commands";
import { endSession } from "./sessions";
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

/**
 * Logout, on the server: the session row ends, so a copy of the cookie opens nothing any more.
 * The client then calls next-auth's signOut, which clears the cookie.
 */
export async function logoutAction(): Promise<{ ok: boolean }> {
  const token = await currentToken();
  if (!token?.sid || !token.uid) return { ok: true };
  try {
    await db.$transaction((tx) => endSession(tx, { sid: token.sid!, userId: token.uid }, new Date()));
    return { ok: true };
  } catch (error) {
    console.error("[action auth.logout] failed", error instanceof Error ? error.stack : error);
    return { ok: false };
  }
}

export async function logOutEverywhereAction() {
  return logOutEverywhere.execute(await getSessionUser(), {}, new Date());
}

export async function startTotpEnrolmentAction() {
  return startTotpEnrolment.execute(await getSessionUser(), {}, new Date());
}

export async function finishTotpEnrolmentAction(input: unknown) {
  return finishTotpEnrolment.execute(await getSessionUser(), input, new Date());
}

/** Staff held for enrolment: start (QR code) and confirm (first code), for that pending login only. */
export async function startPendingEnrolmentAction() {
  return beginPendingEnrolment(await getPendingEnrolment());
}

export async function finishPendingEnrolmentAction(input: unknown) {
  return finishPendingEnrolment(await getPendingEnrolment(), input, authSecret(), new Date());
}
