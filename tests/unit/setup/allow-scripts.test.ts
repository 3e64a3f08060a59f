import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// npm (11.16+) warns about, and npm 12 skips, install scripts of dependencies that
// package.json's allowScripts does not decide. Each one Loket installs is decided here.
const DECIDED = ["@parcel/watcher", "@prisma/client", "@prisma/engines", "@swc/core", "esbuild", "prisma"];

const pkg = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")) as {
  allowScripts?: Record<string, unknown>;
  scripts?: Record<string, string>;
};

describe("package.json allowScripts", () => {
  it.each(DECIDED)("decides %s explicitly (true or false)", (name) => {
    expect(typeof pkg.allowScripts?.[name]).toBe("boolean");
  });

  it("lets Prisma's engines download and generates the client itself", () => {
    // The engines' postinstall fetches the schema/query engines prisma generate and migrate use.
    expect(pkg.allowScripts?.["@prisma/engines"]).toBe(true);
    // @prisma/client's own postinstall would run a second generate; the project's postinstall does it.
    expect(pkg.allowScripts?.["@prisma/client"]).toBe(false);
    expect(pkg.scripts?.postinstall).toMatch(/prisma generate/);
  });
});
