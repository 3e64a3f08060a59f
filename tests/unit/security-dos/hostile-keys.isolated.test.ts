import { describe, expect, it, vi } from "vitest";

// Hole 8 of issue 13: a key like "constructor" looked up in a plain object finds Object's own
// members, so an "unknown key" check passed and the code then threw (an unauthenticated 500).
// Each place must give its normal "unknown" answer instead.

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const HOSTILE = ["constructor", "__proto__", "toString", "hasOwnProperty"] as const;

describe("the escalation board's one entry point", () => {
  it.each(HOSTILE)("answers INVALID_INPUT for the action kind %s, without a session", async (kind) => {
    const { escalationDeskAction } = await import("@/lib/escalations/desk-actions");
    await expect(escalationDeskAction(kind as never, { escalationId: "e1" })).resolves.toEqual({ ok: false, reason: "INVALID_INPUT" });
  });

  it("still runs a known kind (refused here for want of a session)", async () => {
    const { escalationDeskAction } = await import("@/lib/escalations/desk-actions");
    await expect(escalationDeskAction("take", { escalationId: "e1" })).resolves.toEqual({ ok: false, reason: "UNAUTHENTICATED" });
  });
});

describe("saving an SLA policy by key", () => {
  // A stand-in transaction with no stored policies: only the default table can make a key known.
  function stubTx() {
    const writes: unknown[] = [];
    const tx = {
      slaPolicy: { findUnique: async () => null, upsert: async (args: unknown) => void writes.push(args) },
      auditEvent: { create: async (args: unknown) => void writes.push(args) },
    };
    return { tx: tx as never, writes };
  }

  it.each(HOSTILE)("refuses the key %s as NOT_FOUND and writes nothing", async (key) => {
    const { saveSlaPolicy, SettingsRuleError } = await import("@/lib/settings/mutations");
    const { tx, writes } = stubTx();
    const error = await saveSlaPolicy(tx, { key, amount: 3, atRiskShare: 0.5, targetShare: 0.9 } as never, "admin").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsRuleError);
    expect((error as InstanceType<typeof SettingsRuleError>).code).toBe("NOT_FOUND");
    expect(writes).toEqual([]);
  });
});

describe("a portal form turned into the schema's input", () => {
  it("keeps a field named __proto__ as an own field, never as the object's prototype", async () => {
    const { formToObject, newMessageSchema } = await import("@/lib/portal/schema");
    const form = new FormData();
    form.append("__proto__", new File(["x"], "x.pdf"));
    form.append("constructor", "x");
    form.append("subject", "Vraag");
    const out = formToObject(form);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out).sort()).toEqual(["__proto__", "constructor", "subject"]);
    const parsed = newMessageSchema.safeParse(out);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["categoryKey", "body"]);
  });
});

describe("the queue filter read from the URL", () => {
  it("drops hostile keys and values and gives the default view", async () => {
    const { parseQueueFilter } = await import("@/lib/queue/schema");
    const params = Object.fromEntries([...HOSTILE.map((k) => [k, "x"]), ["channel", "constructor"], ["status", "__proto__"], ["sla", "toString"], ["page", "constructor"]]);
    expect(parseQueueFilter(params)).toEqual({ page: 0 });
    expect(parseQueueFilter(Object.fromEntries(new URLSearchParams("__proto__=1&constructor=2&channel=hasOwnProperty")))).toEqual({ page: 0 });
  });
});
