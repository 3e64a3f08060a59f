// Reply tokens: the proof that a mail answers one Loket sent about a ticket. A registration
// number is printed on every letter and easy to guess; the token is 128 random bits that only the
// recipients of our mail have, carried in the reply address `<local>+<token>@<domain>`.
import { randomBytes } from "node:crypto";
import type { WorkMeter } from "@/lib/util/work-meter";

/** Lower-case hex: mail servers may change the case of a local part, hex survives that. */
export function newReplyToken(): string {
  return randomBytes(16).toString("hex");
}

const TOKEN = /^[0-9a-f]{32}$/;

function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at).toLowerCase(), domain: address.slice(at + 1).toLowerCase() };
}

/** The Reply-To of a ticket's mail: the intake address with the token as sub-address. */
export function replyAddressFor(intake: string, token: string): string {
  const parts = split(intake);
  if (!parts) throw new Error(`not a mail address: ${intake}`);
  return `${parts.local}+${token}@${parts.domain}`;
}

/** The reply tokens among a mail's recipient addresses: only sub-addresses of our own intake count. */
export function replyTokensIn(addresses: readonly string[], intake: string): string[] {
  const own = split(intake);
  if (!own) return [];
  const tokens = new Set<string>();
  for (const address of addresses) {
    const parts = split(address.trim().replace(/^<|>$/g, ""));
    if (!parts || parts.domain !== own.domain) continue;
    const plus = parts.local.indexOf("+");
    if (plus === -1 || parts.local.slice(0, plus) !== own.local) continue;
    const token = parts.local.slice(plus + 1);
    if (TOKEN.test(token)) tokens.add(token);
  }
  return [...tokens];
}

const SEPARATOR = /[\s<>,;:"()[\]]/;

/**
 * Every mail address in a set of header values (To, Cc, Delivered-To), display names ignored: each
 * run of characters between separators that has an "@" with something on both sides. One pass over
 * the text; the former pattern (/[^sep]+@[^sep]+/g) backtracked over every long run without an "@",
 * quadratic in a header an attacker writes (minutes for 200,000 characters).
 */
export function addressesIn(values: readonly string[], meter?: WorkMeter): string[] {
  const found: string[] = [];
  for (const value of values) {
    let start = 0;
    let pendingAt = false; // an "@" past the run's first character, waiting for one after it
    let address = false;
    for (let i = 0; i <= value.length; i++) {
      if (meter) meter.steps += 1;
      const c = value[i];
      if (c !== undefined && !SEPARATOR.test(c)) {
        if (pendingAt) address = true;
        pendingAt = c === "@" && i > start;
        continue;
      }
      if (address) found.push(value.slice(start, i));
      start = i + 1;
      pendingAt = false;
      address = false;
    }
  }
  return found;
}
