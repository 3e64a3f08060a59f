import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/audit.json";
import nl from "@/messages/nl/audit.json";

/** Every `entityType: "X"` an audit event is written with, read from the source. */
function entityTypesInSource(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    for (const match of text.matchAll(/entityType: "([A-Za-z]+)"/g)) found.add(match[1]!);
  }
  return found;
}

describe("audit CSV labels", () => {
  it("names every kind of record an event concerns in Dutch and English, so the export shows no model names", () => {
    const types = [...entityTypesInSource(path.resolve(import.meta.dirname, "../../../lib"))].sort();
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((type) => !(type in nl.auditLog.entityTypes))).toEqual([]);
    expect(types.filter((type) => !(type in en.auditLog.entityTypes))).toEqual([]);
    expect(nl.auditLog.entityTypes.CallbackAppointment).toBe("Terugbelafspraak");
  });
});
