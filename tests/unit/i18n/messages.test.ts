import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has every Dutch text in English too, and nothing English-only", async () => {
    const [nl, en] = await Promise.all([loadMessages("nl"), loadMessages("en")]);
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it("has no empty texts", async () => {
    for (const locale of ["nl", "en"] as const) {
      const messages = await loadMessages(locale);
      const empty = keys(messages).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty).toEqual([]);
    }
  });
});
