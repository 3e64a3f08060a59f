// Pure rules for the authentication of incoming mail. No I/O: the SMTP door feeds mailauth's
// results in, the IMAP door the receiving server's Authentication-Results header (RFC 8601).
import addressparser from "nodemailer/lib/addressparser";

export type AuthVerdict = "PASS" | "FAIL" | "NONE";

/** What is stored on the InboundMail row: results only, never message content. */
export interface AuthDetails {
  /** Which door judged it: our own check at the SMTP intake, or the receiving server (IMAP). */
  source: "smtp" | "imap" | "other";
  fromDomain: string | null;
  spf: string | null;
  /** The MAIL FROM (or HELO) domain SPF judged. */
  spfDomain: string | null;
  dkim: { domain: string; result: string }[];
  dmarc: string | null;
  /** Why nothing could be established, when that is the case. */
  reason?: string;
}

export interface InboundAuth {
  verdict: AuthVerdict;
  details: AuthDetails;
}

export function unchecked(source: AuthDetails["source"], reason: string): InboundAuth {
  return { verdict: "NONE", details: { source, fromDomain: null, spf: null, spfDomain: null, dkim: [], dmarc: null, reason } };
}

const lower = (value: string | null | undefined) => (value ? value.trim().toLowerCase().replace(/\.$/, "") : null);

/**
 * The verdict on a mail's sender. PASS means the From: domain is authenticated: DMARC passed
 * (SPF or DKIM passed and aligned with it), or, where the domain publishes no DMARC record or its
 * result could not be had, SPF or DKIM passed for exactly the From: domain (strict alignment, the
 * least DMARC itself would accept). FAIL: DMARC failed, or without DMARC, SPF or DKIM was checked
 * and failed. NONE: nothing could be established.
 */
export function verdictOf(details: Omit<AuthDetails, "source" | "reason">): AuthVerdict {
  const from = lower(details.fromDomain);
  const dmarc = lower(details.dmarc);
  if (dmarc === "pass") return from ? "PASS" : "FAIL";
  if (dmarc === "fail") return "FAIL";
  if (!from) return "NONE";
  const dkimAligned = details.dkim.some((d) => lower(d.result) === "pass" && lower(d.domain) === from);
  const spfAligned = lower(details.spf) === "pass" && lower(details.spfDomain) === from;
  if (dkimAligned || spfAligned) return "PASS";
  const failed = lower(details.spf) === "fail" || details.dkim.some((d) => lower(d.result) === "fail");
  return failed ? "FAIL" : "NONE";
}

/** The domain of a mail's single From: address; null for none, several, or one without a domain. */
export function fromDomainOf(fromHeaders: string[]): string | null {
  if (fromHeaders.length !== 1) return null;
  const addresses = addressparser(fromHeaders[0]!, { flatten: true });
  const domains = new Set(addresses.map((a) => lower(a.address?.split("@").pop())).filter((d) => d));
  if (domains.size !== 1 || addresses.some((a) => !a.address?.includes("@"))) return null;
  return [...domains][0]!;
}

/** The header section of a raw mail as (lower-case name, unfolded value) pairs, top to bottom. */
export function headerFields(raw: Buffer | string): { name: string; value: string }[] {
  const text = typeof raw === "string" ? raw : raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = end === -1 ? text : text.slice(0, end);
  const fields: { name: string; value: string }[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

/** Removes RFC 5322 comments (nested, with quoted pairs) outside quoted strings. */
function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\" && (quoted || depth > 0)) {
      if (depth === 0) out += c + (value[i + 1] ?? "");
      i += 1;
      continue;
    }
    if (depth === 0 && c === '"') quoted = !quoted;
    if (!quoted) {
      if (c === "(") {
        depth += 1;
        continue;
      }
      if (c === ")" && depth > 0) {
        depth -= 1;
        out += " ";
        continue;
      }
    }
    if (depth === 0) out += c;
  }
  return out;
}

/** Splits on `separator` outside quoted strings; empty parts are dropped unless `keepEmpty`. */
function splitOutsideQuotes(value: string, separator: RegExp, keepEmpty = false): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\" && quoted) {
      current += c + (value[i + 1] ?? "");
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (!quoted && separator.test(c)) {
      parts.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  parts.push(current);
  const trimmed = parts.map((p) => p.trim());
  return keepEmpty ? trimmed : trimmed.filter((p) => p.length > 0);
}

const unquote = (value: string) => (/^".*"$/.test(value) ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value);

export interface AuthResultsEntry {
  method: string;
  result: string;
  props: Record<string, string>;
}

/** The authserv-id of an Authentication-Results value's first part; null when malformed. */
function authservIdIn(head: string): string | null {
  // authserv-id, then an optional version number; anything else is malformed.
  const words = splitOutsideQuotes(head, /\s/);
  if (words.length === 0 || words.length > 2 || (words.length === 2 && !/^\d+$/.test(words[1]!))) return null;
  // Exact apart from case (a host name): no trimming, no trailing dot, so no look-alike matches.
  return unquote(words[0]!).toLowerCase() || null;
}

/** The authserv-id of an Authentication-Results value, reading no further than its first ";". */
export function authservIdOf(value: string): string | null {
  if (value.length > 8_192) return null;
  // Find the first ";" outside comments and quotes without reading the rest.
  let depth = 0;
  let quoted = false;
  let end = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "\\") i += 1;
    else if (!quoted && c === "(") depth += 1;
    else if (!quoted && c === ")" && depth > 0) depth -= 1;
    else if (depth === 0 && c === '"') quoted = !quoted;
    else if (depth === 0 && !quoted && c === ";") {
      end = i;
      break;
    }
  }
  const head = stripComments(value.slice(0, end)).trim();
  return head ? authservIdIn(head) : null;
}

/**
 * One Authentication-Results value: its authserv-id and results; null when it cannot be read.
 * Every step is linear in the header's length (no backtracking patterns on sender input).
 */
export function parseAuthenticationResults(value: string): { authservId: string; results: AuthResultsEntry[] } | null {
  if (value.length > 8_192) return null; // far past any real header: not ours to trust
  // The first part must be the authserv-id: "; id; dmarc=pass" names none.
  const [head, ...rest] = splitOutsideQuotes(stripComments(value), /;/, true);
  const authservId = head ? authservIdIn(head) : null;
  if (!authservId) return null;
  const results: AuthResultsEntry[] = [];
  for (const resinfo of rest) {
    // "method = result" and "ptype.property = value" may have spaces around "=".
    const normalised = resinfo
      .split("=")
      .map((part) => part.trim())
      .join("=");
    const [spec, ...props] = splitOutsideQuotes(normalised, /\s/);
    if (!spec || spec.toLowerCase() === "none") continue;
    const match = /^([a-z0-9_-]+)(?:\/\d+)?=([a-z]+)$/i.exec(spec);
    if (!match) return null;
    const entry: AuthResultsEntry = { method: match[1]!.toLowerCase(), result: match[2]!.toLowerCase(), props: {} };
    for (const prop of props) {
      const eq = prop.indexOf("=");
      if (eq <= 0) continue;
      entry.props[prop.slice(0, eq).toLowerCase()] = unquote(prop.slice(eq + 1));
    }
    results.push(entry);
  }
  return { authservId, results };
}

const domainOfIdentity = (value: string | undefined) => lower(value?.includes("@") ? value.split("@").pop() : value);

/**
 * The IMAP door's verdict: only the topmost Authentication-Results header whose authserv-id is
 * exactly the configured receiving server's counts. Anyone can write an Authentication-Results
 * header into a mail they send; the receiving server adds its own on top (and should remove
 * copies that claim its id). With no configured id (MAIL_AUTHSERV_ID unset) nothing is trusted
 * and every polled mail is NONE: its sender stays unverified until staff confirm it.
 */
export function verdictFromAuthResults(raw: Buffer | string, authservId: string | null | undefined): InboundAuth {
  const id = authservId?.trim().toLowerCase();
  if (!id) return unchecked("imap", "no MAIL_AUTHSERV_ID configured");
  const fields = headerFields(raw);
  const fromDomain = fromDomainOf(fields.filter((f) => f.name === "from").map((f) => f.value));
  // The topmost header of our server decides, even when it cannot be read (then: NONE); headers
  // of other ids are looked at no further than their id, however many a sender adds.
  const ours = fields.find((f) => f.name === "authentication-results" && authservIdOf(f.value) === id);
  const header = ours ? parseAuthenticationResults(ours.value) : null;
  if (!header) {
    const none = unchecked("imap", "no Authentication-Results of the receiving server");
    return { verdict: "NONE", details: { ...none.details, fromDomain } };
  }
  const pick = (method: string) => header.results.filter((r) => r.method === method);
  const dmarcResults = pick("dmarc");
  // Several DMARC results (one per From domain, or a doctored header): all must pass.
  const dmarc = dmarcResults.length === 0 ? null : (dmarcResults.find((r) => r.result !== "pass")?.result ?? "pass");
  const spf = pick("spf")[0] ?? null;
  const details: AuthDetails = {
    source: "imap",
    fromDomain,
    spf: spf?.result ?? null,
    spfDomain: spf ? domainOfIdentity(spf.props["smtp.mailfrom"] ?? spf.props["smtp.helo"]) : null,
    dkim: pick("dkim").map((r) => ({ domain: domainOfIdentity(r.props["header.d"] ?? r.props["header.i"]) ?? "", result: r.result })),
    dmarc,
  };
  // The DMARC result is about the From: domain the server saw; a mismatch means a doctored mail.
  const dmarcFrom = lower(dmarcResults[0]?.props["header.from"]);
  if (dmarc === "pass" && dmarcFrom && dmarcFrom !== fromDomain) return { verdict: "FAIL", details: { ...details, reason: "header.from differs from From:" } };
  return { verdict: verdictOf(details), details };
}
