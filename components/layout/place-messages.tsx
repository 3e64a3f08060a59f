import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, PAGE_NAMESPACES } from "@/i18n/client-namespaces";
import { pickMessages } from "@/lib/i18n/pick-messages";

type Place = keyof typeof CLIENT_NAMESPACES;
export type PageKey = keyof typeof PAGE_NAMESPACES;
type Messages = Record<string, unknown>;

// The catalogue is fixed per build, so each slice is cut once per locale (in development the files
// change under the server: cut per request there).
const slices = new Map<string, Messages>();

async function slice(key: string, paths: readonly string[]): Promise<Messages> {
  const cacheKey = `${await getLocale()}:${key}`;
  let messages = process.env.NODE_ENV === "production" ? slices.get(cacheKey) : undefined;
  if (!messages) {
    messages = pickMessages(await getMessages(), paths);
    slices.set(cacheKey, messages);
  }
  return messages;
}

/**
 * Hands the client components of a place's frame (header, navigation, error and loading screens)
 * only the messages they use; each page hands its own (withPageMessages).
 */
export async function PlaceMessages({ place, children }: { place: Place; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await slice(place, CLIENT_NAMESPACES[place])}>{children}</NextIntlClientProvider>;
}

/**
 * A page whose client components get exactly the messages they use (i18n/client-namespaces.ts,
 * keyed by the page's folder), not every form's texts of the whole place: the workspace's full
 * slice was 102 KB on every page, a third of the server's work on the queue page.
 */
export function withPageMessages<P extends object>(
  key: PageKey,
  // (void: a page that only redirects)
  Page: (props: P) => React.ReactNode | Promise<React.ReactNode> | Promise<void>,
): (props: P) => Promise<React.ReactNode> {
  // A page added while `npm run dev` runs is not in the generated list until the next start (or
  // `npm run i18n:namespaces`): it gets the whole catalogue meanwhile. Builds always regenerate it.
  const paths = (PAGE_NAMESPACES as Record<string, readonly string[] | undefined>)[key];
  return async function PageWithMessages(props: P) {
    // A page without client texts renders under its place's frame messages.
    if (paths?.length === 0) return (await Page(props)) as React.ReactNode;
    const [messages, content] = await Promise.all([paths ? slice(key, paths) : getMessages(), Page(props)]);
    return <NextIntlClientProvider messages={messages}>{content as React.ReactNode}</NextIntlClientProvider>;
  };
}
