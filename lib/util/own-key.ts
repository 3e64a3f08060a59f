// Lookups by a key that came from outside (a form field, a URL, an action argument) must see only
// the record's own entries: `MAP["constructor"]` is Object itself and `MAP["__proto__"]` is
// Object.prototype, both truthy, so a plain `MAP[key]` lets a hostile key past an "unknown key" check.

/** True when `key` is one of the record's own keys, never an inherited one. */
export function isOwnKey<K extends PropertyKey>(record: Readonly<Record<K, unknown>>, key: unknown): key is K {
  return (typeof key === "string" || typeof key === "number") && Object.hasOwn(record, key);
}

/** The record's own value under `key`, or undefined for an unknown or inherited key. */
export function ownValue<K extends PropertyKey, V>(record: Readonly<Record<K, V>>, key: unknown): V | undefined {
  return isOwnKey(record, key) ? record[key] : undefined;
}
