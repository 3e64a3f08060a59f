import { afterEach, describe, expect, it } from "vitest";
import { mailIntakeLimiter } from "@/lib/security/mail-intake-limit";

// Only addresses that are exempt are asked here: they never reach the database. Counting past the
// budget is tested against a real database in tests/integration/rate-limit-mail-intake.test.ts.
const saved = { MAIL_INTAKE_UNLIMITED_IPS: process.env.MAIL_INTAKE_UNLIMITED_IPS, DATABASE_URL: process.env.DATABASE_URL };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("mailIntakeLimiter exemptions", () => {
  it("exempts loopback by default, also written as an IPv4-mapped IPv6 address", async () => {
    delete process.env.MAIL_INTAKE_UNLIMITED_IPS;
    const limit = mailIntakeLimiter();
    for (const address of ["127.0.0.1", "::ffff:127.0.0.1", "::1"]) expect(await limit(address)).toBeNull();
  });

  it("reads MAIL_INTAKE_UNLIMITED_IPS, which replaces the default", async () => {
    process.env.MAIL_INTAKE_UNLIMITED_IPS = " 192.0.2.25 , 2001:DB8::25";
    const limit = mailIntakeLimiter();
    expect(await limit("192.0.2.25")).toBeNull();
    expect(await limit("2001:db8::25")).toBeNull();
    // Loopback is no longer exempt: it is counted, and with no database to count in the limiter
    // answers a temporary failure instead of letting the message through.
    delete process.env.DATABASE_URL;
    expect(await limit("127.0.0.1")).toEqual({ responseCode: 451, message: "Temporary local problem, please try again later" });
  });
});
