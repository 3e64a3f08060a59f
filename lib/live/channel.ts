/** The one PostgreSQL notification channel of live topics; the payload is "<topic> <version>". */
export const LIVE_CHANNEL = "loket_live";

export function parseLivePayload(payload: string | undefined): { topic: string; version: bigint } | null {
  if (!payload) return null;
  const space = payload.lastIndexOf(" ");
  if (space <= 0) return null;
  const raw = payload.slice(space + 1);
  if (!/^\d+$/.test(raw)) return null;
  return { topic: payload.slice(0, space), version: BigInt(raw) };
}
