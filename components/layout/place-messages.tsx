import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES } from "@/i18n/client-namespaces";
import { pickMessages } from "@/lib/i18n/pick-messages";

type Place = keyof typeof CLIENT_NAMESPACES;

// The catalogue is fixed per build, so each place's slice is cut once per locale (in development
// the files change under the server: cut per request there).
const slices = new Map<string, Record<string, unknown>>();

/**
 * Hands the client components below only the messages their place uses, instead of every area's
 * catalogue on every page (the whole catalogue was 57 KB of each page's HTML).
 */
export async function PlaceMessages({ place, children }: { place: Place; children: React.ReactNode }) {
  const key = `${await getLocale()}:${place}`;
  let messages = process.env.NODE_ENV === "production" ? slices.get(key) : undefined;
  if (!messages) {
    messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[place]);
    slices.set(key, messages);
  }
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
