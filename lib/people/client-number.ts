/**
 * A client number's letters and digits, lower-cased: "K-100232", "k100232" and "K 100 232" are one
 * number, as people read it from a letter or say it on the phone. The people searches find by it
 * and a new or changed number may not equal another's by it (migration *_client_number_plain
 * indexes the same expression, clientNumberKeySql in lib/db/text-match.ts).
 */
export function clientNumberKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}
