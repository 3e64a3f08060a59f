// Offline mail authentication for tests: a DNS made of a fixed map (SPF, DKIM and DMARC records
// published by the test itself) and a DKIM key pair made here, so real signatures are verified by
// the real mailauth code without any network.
import { generateKeyPairSync } from "node:crypto";
import type { DNSResolver } from "mailauth";

type Records = Partial<Record<"TXT" | "A" | "AAAA" | "MX", string[]>>;

function dnsError(code: "ENOTFOUND" | "ENODATA", name: string, type: string): Error {
  return Object.assign(new Error(`${type} ${name}: ${code}`), { code, hostname: name });
}

export interface FakeDns {
  resolver: DNSResolver;
  /** Every query asked, as "TYPE name": shows that a check really looked things up. */
  queries: string[];
  publish(name: string, records: Records): void;
}

export function fakeDns(): FakeDns {
  const zone = new Map<string, Records>();
  const queries: string[] = [];
  const resolver: DNSResolver = async (name, type) => {
    const key = name.toLowerCase().replace(/\.$/, "");
    queries.push(`${type} ${key}`);
    const records = zone.get(key);
    if (!records) throw dnsError("ENOTFOUND", key, type);
    const values = records[type as keyof Records];
    if (!values || values.length === 0) throw dnsError("ENODATA", key, type);
    // TXT answers come as lists of character strings, as node:dns gives them.
    return type === "TXT" ? values.map((v) => [v]) : [...values];
  };
  return {
    resolver,
    queries,
    publish(name, records) {
      const key = name.toLowerCase();
      zone.set(key, { ...zone.get(key), ...records });
    },
  };
}

export interface DkimKey {
  selector: string;
  privateKey: string;
  /** The DNS TXT value publishing the public key. */
  record: string;
}

export function makeDkimKey(selector = "loket-test"): DkimKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const der = publicKey.export({ type: "spki", format: "der" }).toString("base64");
  return { selector, privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), record: `v=DKIM1; k=rsa; p=${der}` };
}

/**
 * A domain that signs its mail: its DKIM key, an SPF record that allows no server (so only DKIM
 * can make DMARC pass, and a forged mail from loopback fails SPF) and DMARC p=reject.
 */
export function publishSigningDomain(dns: FakeDns, domain: string, key: DkimKey): void {
  dns.publish(domain, { TXT: ["v=spf1 -all"], A: ["192.0.2.10"] });
  dns.publish(`${key.selector}._domainkey.${domain}`, { TXT: [key.record] });
  dns.publish(`_dmarc.${domain}`, { TXT: ["v=DMARC1; p=reject"] });
}

/** nodemailer's DKIM option for mail from `domain`. */
export function dkimOption(domain: string, key: DkimKey) {
  return { domainName: domain, keySelector: key.selector, privateKey: key.privateKey };
}

/** The Authentication-Results header a receiving server (authserv-id `id`) adds to a passing mail. */
export function passingAuthResults(id: string, domain: string): string {
  return `Authentication-Results: ${id}; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain} header.s=sel; dmarc=pass (p=reject) header.from=${domain}`;
}
