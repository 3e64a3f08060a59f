// The part of a message catalogue a place's client components use (i18n/client-namespaces.ts).
// Pure: the provider and the tests share it.
type Messages = Record<string, unknown>;

/** A copy holding only the given dotted paths ("agentQueue", "werkgever.fieldErrors"). */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const dotted of paths) {
    const parts = dotted.split(".");
    let source: unknown = messages;
    for (const part of parts) source = typeof source === "object" && source !== null ? (source as Messages)[part] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Messages;
    target[parts.at(-1)!] = source;
  }
  return picked;
}
