"use server";
import { headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/security/client-ip";
import { changeOwnPassword, requestPasswordReset, resetPasswordWithToken } from "./commands";

export async function changePasswordAction(input: unknown) {
  return changeOwnPassword.execute(await getSessionUser(), input, new Date());
}

export async function requestPasswordResetAction(input: unknown) {
  return requestPasswordReset(input, new Date(), { ip: clientIp(await headers()) });
}

export async function resetPasswordAction(input: unknown) {
  return resetPasswordWithToken(input, new Date());
}
