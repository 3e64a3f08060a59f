// Which network addresses a webhook may be sent to. A receiver is somewhere on the internet; an
// address inside this machine or its networks (loopback, private ranges, link-local with the cloud
// metadata service, …) would let whoever registers an endpoint make Loket call internal services.
// Pure: works on addresses as text, as the URL parser and the resolver give them.
import { isIPv4, isIPv6 } from "node:net";

export type AddressClass = "public" | "loopback" | "internal";

// [first address, prefix length] of IPv4 ranges that are not on the public internet.
const IPV4_LOOPBACK: [string, number] = ["127.0.0.0", 8];
const IPV4_INTERNAL: [string, number][] = [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local machine on most systems
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["169.254.0.0", 16], // link-local, incl. the cloud metadata service 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. 255.255.255.255
];

function ipv4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function inIpv4Range(value: number, [first, bits]: [string, number]): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(value / size) === Math.floor(ipv4Number(first) / size);
}

function classifyIpv4(address: string): AddressClass {
  const value = ipv4Number(address);
  if (inIpv4Range(value, IPV4_LOOPBACK)) return "loopback";
  return IPV4_INTERNAL.some((range) => inIpv4Range(value, range)) ? "internal" : "public";
}

/** The eight 16-bit groups of an IPv6 address (with "::" expanded and a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0]!; // a zone (fe80::1%eth0) says nothing about the range
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = ipv4Number(tail[1]!);
    text = `${text.slice(0, -tail[1]!.length)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function embeddedIpv4(high: number, low: number): string {
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

function classifyIpv6(address: string): AddressClass {
  const g = ipv6Groups(address);
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return "internal"; // :: (unspecified)
  if (zeroUpTo(7) && g[7] === 1) return "loopback"; // ::1
  // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), the old compatible form (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d): the IPv4 address decides.
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyIpv4(embeddedIpv4(g[6]!, g[7]!));
  if (zeroUpTo(6)) return classifyIpv4(embeddedIpv4(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(embeddedIpv4(g[6]!, g[7]!));
  if (g[0] === 0x2002) return classifyIpv4(embeddedIpv4(g[1]!, g[2]!)); // 6to4
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return "internal"; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return "internal"; // fe80::/10 link-local
  if ((first & 0xffc0) === 0xfec0) return "internal"; // fec0::/10 old site-local
  if ((first & 0xff00) === 0xff00) return "internal"; // multicast
  if (first === 0x2001 && g[1] === 0xdb8) return "internal"; // documentation
  return "public";
}

/** The class of an IP address (IPv4 or IPv6, brackets allowed); anything not an address is "internal" (refused). */
export function classifyAddress(raw: string): AddressClass {
  const address = raw.startsWith("[") && raw.endsWith("]") ? raw.slice(1, -1) : raw;
  if (isIPv4(address)) return classifyIpv4(address);
  if (isIPv6(address)) return classifyIpv6(address);
  return "internal";
}

/** Whether a webhook may connect to this address: public always, loopback only where allowed (outside production). */
export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  const kind = classifyAddress(address);
  return kind === "public" || (kind === "loopback" && allowLoopback);
}

/** The hostname of a URL when it is an IP address literal (the URL parser has already normalised 0x7f.1, 2130706433, …). */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIPv4(bare) || isIPv6(bare) ? bare : null;
}
