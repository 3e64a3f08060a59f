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
});
