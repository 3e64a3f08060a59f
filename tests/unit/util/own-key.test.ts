import { describe, expect, it } from "vitest";
import { isOwnKey, ownValue } from "@/lib/util/own-key";

const ACTIONS = { take: "take!", answer: "answer!" } as const;
const INHERITED = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];

describe("ownValue", () => {
  it("finds the record's own keys", () => {
    expect(ownValue(ACTIONS, "take")).toBe("take!");
    expect(ownValue(ACTIONS, "answer")).toBe("answer!");
  });

  it.each(INHERITED)("gives undefined for the inherited key %s, which a plain lookup finds", (key) => {
    expect((ACTIONS as Record<string, unknown>)[key]).toBeDefined();
    expect(ownValue(ACTIONS, key)).toBeUndefined();
    expect(isOwnKey(ACTIONS, key)).toBe(false);
  });

  it("gives undefined for unknown keys and for keys that are not strings", () => {
    for (const key of ["nope", "", undefined, null, {}, ["take"], { toString: () => "take" }]) {
      expect(ownValue(ACTIONS, key)).toBeUndefined();
    }
  });

  it("finds an own entry even when it is named like an inherited one", () => {
    const record: Record<string, number> = Object.fromEntries([["constructor", 1], ["__proto__", 2]]);
    expect(ownValue(record, "constructor")).toBe(1);
    expect(ownValue(record, "__proto__")).toBe(2);
  });
});
