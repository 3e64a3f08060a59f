import { describe, expect, it } from "vitest";
import { arrivalTime, describeMailbox, ImapConfigError, parseImapUrl, reconnectDelayMs } from "@/lib/mail/imap-config";

describe("IMAP_URL", () => {
  it("reads an imaps:// URL with an encoded password and a mailbox", () => {
    const config = parseImapUrl("imaps://vragen%40loket.example:p%40ss%2Fw0rd@mail.loket.example/Klantvragen");
    expect(config).toEqual({
      host: "mail.loket.example",
      port: 993,
      secure: true,
      requireStartTls: false,
      user: "vragen@loket.example",
      password: "p@ss/w0rd",
      mailbox: "Klantvragen",
      pollSeconds: 60,
    });
    expect(describeMailbox(config)).toBe("imaps://vragen@loket.example@mail.loket.example:993/Klantvragen");
  });

  it("allows plain text only on loopback: imap:// elsewhere must use STARTTLS", () => {
    expect(parseImapUrl("imap://u:p@127.0.0.1:1143")).toMatchObject({ port: 1143, secure: false, requireStartTls: false, mailbox: "INBOX" });
    expect(parseImapUrl("imap://u:p@localhost")).toMatchObject({ port: 143, requireStartTls: false });
    expect(parseImapUrl("imap://u:p@mail.example")).toMatchObject({ port: 143, requireStartTls: true });
  });

  it("takes the poll interval in seconds and refuses nonsense", () => {
    expect(parseImapUrl("imaps://u:p@h/INBOX", "15").pollSeconds).toBe(15);
    expect(parseImapUrl("imaps://u:p@h/INBOX", "").pollSeconds).toBe(60);
    for (const bad of ["0", "-5", "soms"]) expect(() => parseImapUrl("imaps://u:p@h", bad)).toThrow(ImapConfigError);
  });

  it("refuses what is not an IMAP mailbox URL", () => {
    for (const bad of ["mail.example", "pop3://u:p@h", "imaps://h/INBOX", "imaps://u:p@/INBOX"]) expect(() => parseImapUrl(bad)).toThrow(ImapConfigError);
  });

  it("never shows the password in what logs print", () => {
    expect(describeMailbox(parseImapUrl("imaps://u:geheim@h"))).not.toContain("geheim");
  });
});

describe("reconnection backoff", () => {
  it("doubles from one second up to five minutes", () => {
    expect([1, 2, 3, 4].map(reconnectDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(reconnectDelayMs(20)).toBe(300_000);
  });
});

describe("when a polled mail counts as received", () => {
  const now = new Date("2026-11-24T10:00:00Z");
  it("is the server's arrival time, so a mail that waited through an outage keeps its place", () => {
    expect(arrivalTime(new Date("2026-11-23T15:00:00Z"), now)).toEqual(new Date("2026-11-23T15:00:00Z"));
    expect(arrivalTime("2026-11-23T15:00:00.000Z", now)).toEqual(new Date("2026-11-23T15:00:00Z"));
  });
  it("is never later than now, and now when the server gives no usable date", () => {
    expect(arrivalTime(new Date("2026-11-24T10:05:00Z"), now)).toEqual(now);
    expect(arrivalTime(undefined, now)).toEqual(now);
    expect(arrivalTime("not a date", now)).toEqual(now);
  });
});
