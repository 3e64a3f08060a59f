// Where a webhook goes, checked against the network: the host's name is resolved and every address
// it resolves to must be allowed (lib/webhooks/address.ts). Done at registration and again right
// before each delivery, inside the connection's own lookup, so the socket connects to the address
// that was checked: a name that resolves elsewhere later (DNS rebinding) cannot slip past.
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { addressAllowed, literalAddress } from "./address";
import { webhookUrlRefusal, type WebhookUrlRefusal } from "./rules";

/** Resolves a name to all its addresses (dns.lookup, as connections do); replaceable in tests. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export class InternalAddressError extends Error {
  readonly code = "EWEBHOOKINTERNAL";
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, an internal address; refused`);
    this.name = "InternalAddressError";
  }
}

/**
 * Registration: the pure URL rules, then the name's addresses. A name that does not resolve (yet)
 * is not refused here; delivery checks again and fails it then.
 */
export async function webhookTargetRefusal(raw: string, production: boolean, resolver: Resolver = systemResolver): Promise<WebhookUrlRefusal | null> {
  const refusal = webhookUrlRefusal(raw, production);
  if (refusal) return refusal;
  const hostname = new URL(raw).hostname;
  if (literalAddress(hostname)) return null; // checked by webhookUrlRefusal
  let addresses: LookupAddress[];
  try {
    addresses = await resolver(hostname);
  } catch {
    return null;
  }
  return addresses.every((a) => addressAllowed(a.address, !production)) ? null : "URL_INTERNAL";
}

/**
 * A `lookup` for http(s).request: resolves, refuses when any address is not allowed, and hands the
 * checked addresses to the socket, which connects to one of them and nowhere else.
 */
export function checkedLookup(allowLoopback: boolean, resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !addressAllowed(a.address, allowLoopback));
        if (refused || addresses.length === 0) {
          callback(refused ? new InternalAddressError(hostname, refused.address) : Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}
