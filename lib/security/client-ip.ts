// The address a per-IP rate limit is keyed on. Pure: reads request headers only, because server
// actions and route handlers in Next.js never see the socket.
//
// TRUST_PROXY (environment):
//   unset / 0  Loket is reached directly. Next.js fills X-Forwarded-For with the socket address,
//              but only when the client did not send the header itself, so the value can be
//              forged; per-IP limits are then best effort (the per-account limits still hold).
//   1, 2, ...  Loket sits behind that many reverse proxies that each APPEND to X-Forwarded-For
//              (nginx `$proxy_add_x_forwarded_for`, most load balancers). The client is the entry
//              that many hops from the right: entries further left were written by the client and
//              can be forged, so the leftmost entry is never trusted.
// X-Real-IP is the fallback when X-Forwarded-For is absent (a proxy that sets only that header).
import { isIP } from "node:net";

export interface HeaderReader {
  get(name: string): string | null;
}

export const UNKNOWN_CLIENT = "unknown";

function trustedHops(): number {
  const raw = Number(process.env.TRUST_PROXY ?? 0);
  return Number.isInteger(raw) && raw > 0 ? Math.min(raw, 10) : 0;
}

/** "1.2.3.4:5678", "[::1]:80", "::ffff:1.2.3.4" -> the bare address, or null when not an address. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.toLowerCase();
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : null;
}

export function clientIp(headers: HeaderReader, hops: number = trustedHops()): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded.length > 0) {
    // Without a trusted proxy the last entry is the one Next.js wrote from the socket (or the
    // client's own claim); with N proxies it is the one the outermost proxy saw.
    const index = hops > 0 ? Math.max(forwarded.length - hops, 0) : forwarded.length - 1;
    const address = normaliseAddress(forwarded[index]!);
    if (address) return address;
  }
  const real = headers.get("x-real-ip");
  return (real && normaliseAddress(real)) || UNKNOWN_CLIENT;
}

function ipv4Hextets(dotted: string): string[] {
  const [a, b, c, d] = dotted.split(".").map(Number) as [number, number, number, number];
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/**
 * What a per-address limit counts: an IPv4 address as it is, an IPv6 address by its /64 network,
 * because one subscriber usually holds a whole /64 and could otherwise take a fresh address for
 * every attempt. Anything else is returned unchanged.
 */
export function addressBucket(address: string): string {
  const bare = address.split("%")[0]!.toLowerCase();
  if (isIP(bare) !== 6) return address;
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ipv4Hextets(g) : [g])) : []);
  const [head = "", tail] = bare.split("::");
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${full.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}
