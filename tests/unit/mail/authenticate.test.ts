import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { authenticateSmtp, mailResolverFromEnv } from "@/lib/mail/authenticate";
import { dkimOption, fakeDns, makeDkimKey, publishSigningDomain } from "../../support/mail-auth";

const key = makeDkimKey();
const dns = fakeDns();
publishSigningDomain(dns, "burger.example", key);
// A domain whose mail server is allowed by SPF, and one that publishes nothing at all.
dns.publish("vandijk.example", { TXT: ["v=spf1 ip4:192.0.2.25 -all"] });
dns.publish("_dmarc.vandijk.example", { TXT: ["v=DMARC1; p=quarantine"] });

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
async function compose(mail: nodemailer.SendMailOptions): Promise<Buffer> {
  const info = await composer.sendMail({ to: "vragen@loket.example", subject: "Vraag", text: "Hallo", ...mail });
  return info.message as Buffer;
}
const loopback = { ip: "127.0.0.1", helo: "client.example", mailFrom: "anna@burger.example" };

describe("authentication at the SMTP intake", () => {
  it("passes a mail DKIM-signed by its From: domain, which publishes DMARC", async () => {
    const raw = await compose({ from: "Anna <anna@burger.example>", dkim: dkimOption("burger.example", key) });
    const auth = await authenticateSmtp(raw, loopback, { resolver: dns.resolver });
    expect(auth).toEqual({
      verdict: "PASS",
      details: { source: "smtp", fromDomain: "burger.example", spf: "fail", spfDomain: "burger.example", dkim: [{ domain: "burger.example", result: "pass" }], dmarc: "pass" },
    });
  });

  it("passes on SPF alone when the sending server is allowed and aligned", async () => {
    const raw = await compose({ from: "eva@vandijk.example" });
    const auth = await authenticateSmtp(raw, { ip: "192.0.2.25", helo: "mx.vandijk.example", mailFrom: "eva@vandijk.example" }, { resolver: dns.resolver });
    expect(auth).toMatchObject({ verdict: "PASS", details: { spf: "pass", dmarc: "pass" } });
    // The same mail from elsewhere fails.
    expect(await authenticateSmtp(raw, { ip: "127.0.0.1", helo: "x", mailFrom: "eva@vandijk.example" }, { resolver: dns.resolver })).toMatchObject({ verdict: "FAIL", details: { spf: "fail", dmarc: "fail" } });
  });

  it("fails a forged mail: unsigned, from a server SPF does not allow, under DMARC p=reject", async () => {
    const raw = await compose({ from: "anna@burger.example" });
    expect(await authenticateSmtp(raw, loopback, { resolver: dns.resolver })).toMatchObject({ verdict: "FAIL", details: { dmarc: "fail", spf: "fail", dkim: [] } });
  });

  it("fails a signature that no longer matches the mail, and one by another domain", async () => {
    const signed = (await compose({ from: "anna@burger.example", dkim: dkimOption("burger.example", key) })).toString();
    const tampered = Buffer.from(signed.replace("Hallo", "Betaal nu"));
    expect(await authenticateSmtp(tampered, loopback, { resolver: dns.resolver })).toMatchObject({ verdict: "FAIL", details: { dmarc: "fail" } });
    const foreign = await compose({ from: "ceo@vandijk.example", dkim: dkimOption("burger.example", key) });
    expect(await authenticateSmtp(foreign, loopback, { resolver: dns.resolver })).toMatchObject({ verdict: "FAIL", details: { fromDomain: "vandijk.example", dmarc: "fail" } });
  });

  it("establishes nothing for a domain that publishes nothing, or while DNS fails", async () => {
    const raw = await compose({ from: "piet@nergens.example" });
    expect(await authenticateSmtp(raw, { ...loopback, mailFrom: "piet@nergens.example" }, { resolver: dns.resolver })).toMatchObject({ verdict: "NONE" });
    const broken = async () => {
      throw Object.assign(new Error("SERVFAIL"), { code: "ESERVFAIL" });
    };
    const signed = await compose({ from: "anna@burger.example", dkim: dkimOption("burger.example", key) });
    expect((await authenticateSmtp(signed, loopback, { resolver: broken })).verdict).toBe("NONE");
  });

  it("fails a mail with two From: fields, whichever one was signed", async () => {
    const signed = (await compose({ from: "anna@burger.example", dkim: dkimOption("burger.example", key) })).toString();
    const doubled = Buffer.from(`From: ceo@bank.example\r\n${signed}`);
    expect((await authenticateSmtp(doubled, loopback, { resolver: dns.resolver })).verdict).toBe("FAIL");
  });
});

describe("MAIL_DNS", () => {
  it("is the system resolver by default, or a list of server addresses; nothing turns checking off", () => {
    for (const value of [undefined, "", "system", "127.0.0.53", "192.0.2.1, 192.0.2.2:5353", "[2001:db8::1]:53", "::1"]) {
      expect(() => mailResolverFromEnv(value), String(value)).not.toThrow();
    }
    for (const value of ["off", "none", "false", "dns.example", "127.0.0.53,off"]) {
      expect(() => mailResolverFromEnv(value), value).toThrow(/MAIL_DNS/);
    }
  });
});
