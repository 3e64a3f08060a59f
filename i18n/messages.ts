// Messages live in one file per area (messages/<locale>/<area>.json) so that work on one place
// does not collide with another; each file's top-level keys are namespaces.
import type { AppLocale } from "./locales";

export const MESSAGE_AREAS = ["common", "portaal", "werkgever", "agent", "lead", "account", "staff", "lines", "urgent", "organisations", "people", "imports", "notifications", "audit", "privacy", "templates", "service", "chat", "letters", "telephony", "brand", "integrations", "titles"] as const;

export async function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_AREAS.map(
      (area) => import(`../messages/${locale}/${area}.json`) as Promise<{ default: Record<string, unknown> }>,
    ),
  );
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [namespace, value] of Object.entries(part.default)) {
      if (namespace in merged) throw new Error(`Message namespace "${namespace}" is defined twice`);
      merged[namespace] = value;
    }
  }
  return merged;
}
