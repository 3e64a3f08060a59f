import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/lib/actions/registry";
import { isPermission } from "@/lib/auth/permissions";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The files that build actions: they call one of the action bases (define*Action). */
const DEFINING_FILES = sourceFiles(path.join(ROOT, "lib"))
  .filter((file) => !file.includes(`${path.sep}lib${path.sep}actions${path.sep}`))
  .filter((file) => /\bdefine\w*Action\(/.test(readFileSync(file, "utf8")))
  // The bases themselves define no action.
  .filter((file) => !/export function define\w*Action\b/.test(readFileSync(file, "utf8")));

function isDefinedAction(value: unknown): value is { name: string; permission: string; execute: unknown } {
  return typeof value === "object" && value !== null && "execute" in value && "permission" in value && "name" in value;
}

describe("the action registry", () => {
  it("holds every action exported from lib, and nothing else", async () => {
    expect(DEFINING_FILES.length).toBeGreaterThanOrEqual(20);
    const exported = new Set<unknown>();
    for (const file of DEFINING_FILES) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const value of Object.values(exports)) if (isDefinedAction(value)) exported.add(value);
    }
    const missing = [...exported].filter((a) => !ACTIONS.includes(a as (typeof ACTIONS)[number])).map((a) => (a as { name: string }).name);
    expect(missing).toEqual([]);
    expect(ACTIONS.filter((a) => !exported.has(a)).map((a) => a.name)).toEqual([]);
    expect(exported.size).toBe(ACTIONS.length);
    expect(ACTIONS.length).toBeGreaterThanOrEqual(61);
  });

  it("names each action once, each with a permission from the table", () => {
    const names = ACTIONS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(ACTIONS.filter((a) => !isPermission(a.permission)).map((a) => a.name)).toEqual([]);
  });
});
