import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";

const repo = path.resolve(import.meta.dirname, "../../..");

/** Every audit action code the code writes: `action: "x.y"` and `action: cond ? "x.y" : "x.z"`. */
function actionCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(file, "utf8");
        for (const m of text.matchAll(/action:\s*"([a-z_]+(?:\.[a-z_]+)+)"/g)) codes.add(m[1]!);
        for (const m of text.matchAll(/action:\s*[^"\n,]*\?\s*"([a-z_]+(?:\.[a-z_]+)+)"\s*:\s*"([a-z_]+(?:\.[a-z_]+)+)"/g)) codes.add(m[1]!).add(m[2]!);
      }
    }
  };
  for (const dir of ["lib", "app"]) walk(path.join(repo, dir));
  return codes;
}

function label(messages: Record<string, unknown>, code: string): unknown {
  return code.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), (messages.auditLog as Record<string, unknown>).actions);
}

// A code that is also the start of another ("settings.brand" and "settings.brand.reset") cannot
// have a label of its own in nested messages: the audit log shows it as written.
const WITHOUT_LABEL = new Set(["settings.brand", "settings.brand.reset"]);

describe("the audit log's action labels", () => {
  it("name every action the code writes, in Dutch and in English", async () => {
    const codes = [...actionCodes()].filter((code) => !WITHOUT_LABEL.has(code)).sort();
    expect(codes.length).toBeGreaterThan(100);
    for (const locale of ["nl", "en"] as const) {
      const messages = (await loadMessages(locale)) as Record<string, unknown>;
      const missing = codes.filter((code) => typeof label(messages, code) !== "string");
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });
});
