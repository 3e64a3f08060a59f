"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/i18n/locales";

const localeSchema = z.enum(LOCALES);

/** Anyone may choose the interface language, signed in or not; it only sets a cookie. */
export async function setLocale(raw: unknown): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const store = await cookies();
  store.set(LOCALE_COOKIE, parsed.data, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return { ok: true };
}
