import { describe, expect, it, vi } from "vitest";
import { newId } from "@/lib/db/ids";

describe("newId", () => {
  it("sorts ids in the order they were made, within one millisecond too", () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts after a Prisma cuid() of an earlier moment and before one of a later moment", () => {
    vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00.000Z") });
    try {
      const at = Date.now();
      // cuid v1: "c", the time in base 36 (8 characters), then counter, fingerprint and randomness.
      const cuidAt = (ms: number) => `c${ms.toString(36).padStart(8, "0")}0000abcd12345678`;
      const id = newId();
      expect(id > cuidAt(at - 1)).toBe(true);
      expect(id < cuidAt(at + 1)).toBe(true);
      expect(id).toMatch(/^c[0-9a-z]{12}[0-9a-f]{22}$/);
    } finally {
      vi.useRealTimers();
    }
  });
});
