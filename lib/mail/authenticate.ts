import "server-only";
import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import type { DNSResolver } from "mailauth";
import { dkimVerify } from "mailauth/lib/dkim/verify";
import { dmarc as dmarcCheck } from "mailauth/lib/dmarc";
import { spf as spfCheck } from "mailauth/lib/spf";
import { unchecked, verdictOf, type AuthDetails, type InboundAuth } from "./auth-results";

export type { DNSResolver };

/** What the SMTP session knows about the sending server. */
export interface SmtpEnvelope {
  ip: string | null;
  helo: string | null;
  mailFrom: string | null;
}

// A DNS answer that never comes must not hold an SMTP session open for minutes.
const QUERY_TIMEOUT_MS = 5_000;
const TOTAL_TIMEOUT_MS = 20_000;

/**
 * The DNS that SPF, DKIM and DMARC are checked against, from MAIL_DNS: `system` (the default,
 * the operating system's resolver) or a comma-separated list of DNS server addresses (for
 * example a local validating resolver). There is no value that turns checking off; tests pass a
 * resolver of their own in code.
 */
export function mailResolverFromEnv(value = process.env.MAIL_DNS): DNSResolver {
  const setting = (value ?? "system").trim();
  if (setting === "" || setting === "system") return (name, type) => dns.resolve(name, type) as Promise<string[] | string[][]>;
  const servers = setting.split(",").map((s) => s.trim());
  const host = (s: string) => (s.startsWith("[") ? s.slice(1, s.indexOf("]")) : isIP(s) ? s : s.replace(/:\d+$/, ""));
  if (servers.some((s) => !isIP(host(s)))) {
    throw new Error("MAIL_DNS must be `system` or a comma-separated list of DNS server IP addresses");
  }
  const resolver = new dns.Resolver({ timeout: QUERY_TIMEOUT_MS, tries: 2 });
  resolver.setServers(servers);
  return (name, type) => resolver.resolve(name, type) as Promise<string[] | string[][]>;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error("DNS timeout"), { code: "ETIMEOUT" })), ms);
    timer.unref();
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/**
 * SPF (connecting IP against MAIL FROM, or HELO), DKIM and DMARC for a mail at the SMTP intake,
 * with mailauth's checks in the order its authenticate() runs them (ARC and BIMI left out: ARC
 * trusts forwarders we do not know, and BIMI loads undici, which needs Node 22). Never throws: a
 * DNS outage or a broken mail gives NONE with the reason, so the mail is still stored (as sender
 * not verified) rather than refused or lost.
 */
export async function authenticateSmtp(raw: Buffer, envelope: SmtpEnvelope, options: { resolver: DNSResolver; mta?: string }): Promise<InboundAuth> {
  const resolver: DNSResolver = (name, type) => withTimeout(options.resolver(name, type), QUERY_TIMEOUT_MS);
  try {
    return await withTimeout(check(raw, envelope, resolver, options.mta ?? "loket"), TOTAL_TIMEOUT_MS);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "error";
    return unchecked("smtp", `authentication could not run (${code})`);
  }
}

async function check(raw: Buffer, envelope: SmtpEnvelope, resolver: DNSResolver, mta: string): Promise<InboundAuth> {
  // An empty MAIL FROM (a bounce) is checked on its HELO name, as RFC 7208 2.4 says.
  const sender = envelope.mailFrom || undefined;
  // SHA-1 signatures are forgeable in practice; they do not vouch for a sender here.
  const dkim = await dkimVerify(raw, { resolver, sender, rejectRsaSha1: true });
  let helo = envelope.helo ?? envelope.ip ?? undefined;
  if (helo && isIP(helo)) helo = `[${helo}]`;
  const spf = envelope.ip ? await spfCheck({ ip: envelope.ip, helo, sender, mta, resolver, maxElapsedTime: TOTAL_TIMEOUT_MS / 2 }) : null;
  const fromDomains = new Set(dkim.headerFrom.map((address) => address.split("@").pop()?.toLowerCase() ?? ""));
  const passing = (dkim.results ?? []).filter((r) => r.status.result === "pass" && r.signingDomain);
  const dmarc =
    dkim.headerFrom.length > 0
      ? await dmarcCheck({
          headerFrom: dkim.headerFrom,
          fromFields: dkim.fromFields,
          spfDomains: spf && spf.status.result === "pass" && spf.domain ? [spf.domain] : [],
          dkimDomains: passing.map((r) => ({ id: r.id, domain: r.signingDomain!, aligned: r.status.aligned, underSized: r.status.underSized })),
          resolver,
        })
      : false;
  const details: AuthDetails = {
    source: "smtp",
    fromDomain: dmarc ? (dmarc.status.header?.from ?? null) : fromDomains.size === 1 ? [...fromDomains][0]! : null,
    spf: spf?.status.result ?? null,
    spfDomain: spf?.domain ?? null,
    // Signatures only: an unsigned mail gives one "none" result without a domain.
    dkim: (dkim.results ?? []).filter((r) => r.signingDomain).slice(0, 5).map((r) => ({ domain: r.signingDomain!, result: r.status.result })),
    dmarc: dmarc ? dmarc.status.result : null,
  };
  // Several From: fields or domains: DMARC cannot judge it and RFC 9989 11.5 calls it suspect.
  if (dkim.fromFields > 1 || fromDomains.size > 1) return { verdict: "FAIL", details: { ...details, fromDomain: null, reason: "several From: addresses" } };
  return { verdict: verdictOf(details), details };
}
