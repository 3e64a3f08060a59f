"use server";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { startCitizenLink, updateSsoSettings } from "./commands";
import { LINK_INTENT_COOKIE, LINK_INTENT_MINUTES } from "./link-intent";

export async function updateSsoSettingsAction(input: unknown) {
  const result = await updateSsoSettings.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath("/agent/beheer/inloggen");
  return result;
}

/** Sets the link intent as an httpOnly cookie for next-auth's callback only; the browser then goes to the broker. */
export async function startCitizenLinkAction() {
  const result = await startCitizenLink.execute(await getSessionUser(), {}, new Date());
  if (!result.ok) return result;
  (await cookies()).set(LINK_INTENT_COOKIE, result.data.intent, {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    path: "/api/auth",
    maxAge: LINK_INTENT_MINUTES * 60,
  });
  return { ok: true as const, data: undefined };
}
