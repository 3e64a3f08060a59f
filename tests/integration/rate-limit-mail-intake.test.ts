import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startSmtpListener, type SmtpListener } from "@/lib/mail/smtp-listener";
import { consumeRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";

const deps = { db, inboundDir: mkdtempSync(path.join(tmpdir(), "loket-intake-limit-")) };
let listener: SmtpListener | null = null;

beforeEach(async () => {
  await db.rateLimit.deleteMany();
});
afterEach(async () => {
  await listener?.close();
  listener = null;
});

/** An SMTP dialogue up to MAIL FROM (no message is sent): the reply line to each command. */
function dialogue(port: number, commands: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const replies: string[] = [];
    let buffer = "";
    let pending = ["", ...commands]; // "" stands for the greeting
    socket.setEncoding("utf8");
    socket.on("error", reject);
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^\d{3}-/.test(line)) continue; // a multi-line reply goes on
        if (pending[0] !== "") replies.push(line);
        pending = pending.slice(1);
        if (pending.length === 0) {
          socket.end("QUIT\r\n");
          resolve(replies);
          return;
        }
        socket.write(`${pending[0]}\r\n`);
      }
    });
  });
}

const ONE_MESSAGE = ["EHLO sender.example", "MAIL FROM:<iemand@elders.example>", "RSET"];

describe("mail intake rate limit per connecting address", () => {
  it("answers MAIL FROM with a temporary 451 once the address's budget is spent", async () => {
    listener = await startSmtpListener({ deps, port: 0, log: () => undefined, unlimitedAddresses: [] });
    for (let i = 0; i < RATE_LIMITS.mail_intake_ip.points - 1; i++) await consumeRateLimit("mail_intake_ip", "127.0.0.1");

    const [, lastAllowed] = await dialogue(listener.port, ONE_MESSAGE);
    expect(lastAllowed).toMatch(/^250 /);
    const [, refused] = await dialogue(listener.port, ONE_MESSAGE);
    expect(refused).toMatch(/^451 4\.7\.1 Too many messages from your address, try again in \d+ seconds$/);
    expect(await db.inboundMail.count()).toBe(0);
  });

  it("counts every message, also several on one connection", async () => {
    listener = await startSmtpListener({ deps, port: 0, log: () => undefined, unlimitedAddresses: [] });
    for (let i = 0; i < RATE_LIMITS.mail_intake_ip.points - 2; i++) await consumeRateLimit("mail_intake_ip", "127.0.0.1");
    const replies = await dialogue(listener.port, [...ONE_MESSAGE, ...ONE_MESSAGE.slice(1), ...ONE_MESSAGE.slice(1)]);
    // EHLO, then MAIL FROM and RSET three times: the third message is one too many.
    expect(replies.map((r) => r.slice(0, 3))).toEqual(["250", "250", "250", "250", "250", "451", "250"]);
  });

  it("lets an unlimited address (by default loopback: a relay on this host) through past the budget", async () => {
    listener = await startSmtpListener({ deps, port: 0, log: () => undefined });
    for (let i = 0; i < RATE_LIMITS.mail_intake_ip.points + 1; i++) await consumeRateLimit("mail_intake_ip", "127.0.0.1");
    const [, allowed] = await dialogue(listener.port, ONE_MESSAGE);
    expect(allowed).toMatch(/^250 /);
  });
});
