import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("the launcher", () => {
  it("refuses a production start against PostgreSQL without AUTH_SECRET, with a clear message", () => {
    const env = { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/never", AUTH_SECRET: "", NEXTAUTH_SECRET: "" };
    delete (env as Record<string, string | undefined>).AUTH_SECRET;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/launch.ts", "start"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("AUTH_SECRET is not set");
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses a production start against PostgreSQL without TOTP_ENCRYPTION_KEY, with a clear message", () => {
    const env = { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/never", AUTH_SECRET: "a-session-key-for-this-test" };
    delete (env as Record<string, string | undefined>).TOTP_ENCRYPTION_KEY;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/launch.ts", "start"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("TOTP_ENCRYPTION_KEY is not set");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
