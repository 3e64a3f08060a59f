import { describe, expect, it } from "vitest";
import { fromDomainOf, parseAuthenticationResults, verdictFromAuthResults, verdictOf } from "@/lib/mail/auth-results";

const ID = "mx.example.org";

function raw(headers: string[], from = "Anna <anna@burger.example>"): string {
  return [...headers, `From: ${from}`, "To: vragen@loket.example", "Subject: Vraag", "", "Hallo", ""].join("\r\n");
}

const pass = `Authentication-Results: ${ID}; spf=pass smtp.mailfrom=anna@burger.example; dkim=pass header.d=burger.example header.s=s1; dmarc=pass (p=reject) header.from=burger.example`;

describe("the receiving server's Authentication-Results", () => {
  it("passes a mail when the configured server found DMARC passing", () => {
    const auth = verdictFromAuthResults(raw([pass]), ID);
    expect(auth.verdict).toBe("PASS");
    expect(auth.details).toMatchObject({ source: "imap", fromDomain: "burger.example", dmarc: "pass", spf: "pass", spfDomain: "burger.example", dkim: [{ domain: "burger.example", result: "pass" }] });
  });

  it("takes the topmost header of the configured server, not a passing one the sender put below it", () => {
    const fail = `Authentication-Results: ${ID}; spf=fail smtp.mailfrom=burger.example; dkim=none; dmarc=fail header.from=burger.example`;
    expect(verdictFromAuthResults(raw([fail, pass]), ID).verdict).toBe("FAIL");
    expect(verdictFromAuthResults(raw([pass, fail]), ID).verdict).toBe("PASS");
  });

  it("lets an unreadable topmost header of the configured server count as nothing, not the next one down", () => {
    const unreadable = `Authentication-Results: ${ID}; dmarc pass`;
    expect(verdictFromAuthResults(raw([unreadable, pass]), ID).verdict).toBe("NONE");
  });

  it("reads many headers of other ids, and long ones, in linear time", () => {
    const junk = Array.from({ length: 2_000 }, (_, i) => `Authentication-Results: evil${i}.example; ${" ".repeat(8_000)}x`);
    const spaces = `Authentication-Results: ${ID}; dkim${" ".repeat(8_000)}`;
    const started = performance.now();
    expect(verdictFromAuthResults(raw([...junk, pass]), ID).verdict).toBe("PASS");
    expect(verdictFromAuthResults(raw([spaces]), ID).verdict).toBe("NONE");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("ignores headers of other authserv-ids, look-alikes included", () => {
    for (const id of ["mx.example.org.evil.example", "evil.mx.example.org", "mx.example.or", "mx-example.org", "\"mx.example.org \"", "mx.example.org."]) {
      const spoof = `Authentication-Results: ${id}; dmarc=pass header.from=burger.example`;
      expect(verdictFromAuthResults(raw([spoof]), ID).verdict, id).toBe("NONE");
    }
    // The id hidden in a comment, or named as a property, is not the authserv-id.
    expect(verdictFromAuthResults(raw([`Authentication-Results: evil.example (${ID}); dmarc=pass header.from=burger.example`]), ID).verdict).toBe("NONE");
    expect(verdictFromAuthResults(raw([`Authentication-Results: evil.example; dmarc=pass authserv=${ID}`]), ID).verdict).toBe("NONE");
    // Nor one whose authserv-id part is empty, with ours behind it.
    expect(verdictFromAuthResults(raw([`Authentication-Results: ; ${ID}; dmarc=pass header.from=burger.example`]), ID).verdict).toBe("NONE");
    // Nor does a header of another name.
    expect(verdictFromAuthResults(raw([`X-Authentication-Results: ${ID}; dmarc=pass header.from=burger.example`]), ID).verdict).toBe("NONE");
  });

  it("reads the authserv-id case-insensitively, quoted, folded, or with a version", () => {
    expect(verdictFromAuthResults(raw([pass.replace(ID, "MX.Example.ORG")]), ID).verdict).toBe("PASS");
    expect(verdictFromAuthResults(raw([pass.replace(ID, `"${ID}"`)]), ID).verdict).toBe("PASS");
    expect(verdictFromAuthResults(raw([pass.replace(`${ID};`, `${ID} 1;`)]), ID).verdict).toBe("PASS");
    expect(verdictFromAuthResults(raw([pass.replace(/; /g, ";\r\n\t")]), ID).verdict).toBe("PASS");
  });

  it("does not read results out of comments or quoted strings", () => {
    const commented = `Authentication-Results: ${ID}; dkim=fail (dmarc=pass; dkim=pass header.d=burger.example) header.d=burger.example; dmarc=fail header.from=burger.example`;
    expect(verdictFromAuthResults(raw([commented]), ID).verdict).toBe("FAIL");
    const nested = `Authentication-Results: ${ID}; spf=none (a (nested ) dmarc=pass) smtp.mailfrom=burger.example`;
    expect(verdictFromAuthResults(raw([nested]), ID)).toMatchObject({ verdict: "NONE", details: { dmarc: null } });
    const quoted = `Authentication-Results: ${ID}; dkim=neutral header.b="x; dmarc=pass"; spf=none`;
    expect(parseAuthenticationResults(quoted.slice("Authentication-Results: ".length))?.results.map((r) => `${r.method}=${r.result}`)).toEqual(["dkim=neutral", "spf=none"]);
    expect(verdictFromAuthResults(raw([quoted]), ID).verdict).toBe("NONE");
  });

  it("passes an aligned DKIM or SPF pass when no DMARC result is given, but not an unaligned one", () => {
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; dkim=pass header.d=burger.example`]), ID).verdict).toBe("PASS");
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; spf=pass smtp.mailfrom=anna@burger.example`]), ID).verdict).toBe("PASS");
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; dkim=pass header.d=mailer.example; spf=pass smtp.mailfrom=bounce@mailer.example`]), ID).verdict).toBe("NONE");
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; dkim=pass header.d=evil-burger.example`]), ID).verdict).toBe("NONE");
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; spf=fail smtp.mailfrom=burger.example`]), ID).verdict).toBe("FAIL");
  });

  it("fails a DMARC pass about another From: domain than the mail shows, and several DMARC results unless all pass", () => {
    expect(verdictFromAuthResults(raw([pass], "ceo@bank.example"), ID).verdict).toBe("FAIL");
    const two = `Authentication-Results: ${ID}; dmarc=pass header.from=burger.example; dmarc=fail header.from=burger.example`;
    expect(verdictFromAuthResults(raw([two]), ID).verdict).toBe("FAIL");
  });

  it("establishes nothing from a mail with no From: domain, several From: fields, or several authors", () => {
    expect(verdictFromAuthResults(raw([pass], "undisclosed-recipients:;"), ID).verdict).toBe("FAIL");
    expect(verdictFromAuthResults(raw([pass, "From: ceo@bank.example"]), ID).verdict).toBe("FAIL");
    expect(fromDomainOf(["a@burger.example, b@bank.example"])).toBeNull();
    expect(fromDomainOf(['"ceo@bank.example" <anna@burger.example>'])).toBe("burger.example");
  });

  it("trusts nothing when no receiving server is configured", () => {
    expect(verdictFromAuthResults(raw([pass]), undefined)).toMatchObject({ verdict: "NONE", details: { reason: "no MAIL_AUTHSERV_ID configured" } });
    expect(verdictFromAuthResults(raw([pass]), "").verdict).toBe("NONE");
  });

  it("refuses malformed or oversized headers instead of guessing", () => {
    expect(parseAuthenticationResults(`${ID} extra words; dmarc=pass`)).toBeNull();
    expect(parseAuthenticationResults(`${ID}; dmarc pass`)).toBeNull();
    expect(parseAuthenticationResults(`${ID}; ${"dkim=pass header.d=x.example; ".repeat(400)}`)).toBeNull();
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; dmarc pass`]), ID).verdict).toBe("NONE");
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}; none`]), ID).verdict).toBe("NONE");
    expect(verdictFromAuthResults(raw([`Authentication-Results: ${ID}`]), ID).verdict).toBe("NONE");
  });

  it("only looks at the header section, not at a header-like line in the body", () => {
    const mail = ["From: anna@burger.example", "Subject: x", "", pass, ""].join("\r\n");
    expect(verdictFromAuthResults(mail, ID).verdict).toBe("NONE");
  });
});

describe("the verdict rule", () => {
  const base = { fromDomain: "burger.example", spf: null, spfDomain: null, dkim: [], dmarc: null };
  it("is PASS for DMARC pass, FAIL for DMARC fail whatever SPF and DKIM say", () => {
    expect(verdictOf({ ...base, dmarc: "pass" })).toBe("PASS");
    expect(verdictOf({ ...base, dmarc: "fail", dkim: [{ domain: "burger.example", result: "pass" }] })).toBe("FAIL");
  });
  it("is NONE when nothing was checked or only neutral results came back", () => {
    expect(verdictOf(base)).toBe("NONE");
    expect(verdictOf({ ...base, spf: "softfail", dmarc: "none" })).toBe("NONE");
    expect(verdictOf({ ...base, dmarc: "temperror" })).toBe("NONE");
  });
});
