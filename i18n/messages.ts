// Messages live in one file per area (messages/<locale>/<area>.json) so that work on one place
// does not collide with another; each file's top-level keys are namespaces.
import type { AppLocale } from "./locales";

export const MESSAGE_AREAS = ["common", "portaal", "werkgever", "agent", "lead", "account", "staff", "lines", "urgent", "organisations", "people", "imports", "notifications", "audit", "privacy", "templates", "service", "chat", "letters", "telephony", "brand", "integrations", "titles"] as const;

// The files do not change while the server runs: merged once per locale, not on every request
// (every page's request config asks for them).
const merged = new Map<AppLocale, Promise<Record<string, unknown>>>();

export function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  // In development an edited file must show at once.
  if (process.env.NODE_ENV === "development") return mergeAreas(locale);
  let messages = merged.get(locale);
  if (!messages) {
    messages = mergeAreas(locale);
    merged.set(locale, messages);
    messages.catch(() => merged.delete(locale));
  }
  return messages;
}

async function mergeAreas(locale: AppLocale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_AREAS.map(
      (area) => import(`../messages/${locale}/${area}.json`) as Promise<{ default: Record<string, unknown> }>,
    ),
  );
  const all: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [namespace, value] of Object.entries(part.default)) {
      if (namespace in all) throw new Error(`Message namespace "${namespace}" is defined twice`);
      all[namespace] = value;
    }
  }
  return all;
}
