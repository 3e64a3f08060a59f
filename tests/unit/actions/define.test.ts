import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction, ok, withoutNul } from "@/lib/actions/define";
import type { SessionUser } from "@/lib/auth/queries";

const user: SessionUser = {
  id: "u1",
  email: "eva@vandijk.example",
  name: "Eva",
  role: "EMPLOYER_CONTACT",
  locale: "nl",
  organisationId: "org1",
  organisationName: "Van Dijk",
  rights: ["SUBMIT_REQUESTS"],
  hrProfessional: false,
  teamIds: [],
};
const now = new Date("2026-11-24T10:00:00Z");

function action(handler = vi.fn(async (input: { subject: string }) => ok(input.subject.toUpperCase()))) {
  return {
    handler,
    action: defineAction({
      name: "test.echo",
      schema: z.object({ subject: z.string().trim().min(1).max(10) }),
      permission: "employer.request.submit",
      handler,
    }),
  };
}

describe("the action base", () => {
  it("runs the handler with parsed input for a permitted user", async () => {
    const { action: a } = action();
    expect(await a.execute(user, { subject: "  hallo " }, now)).toEqual({ ok: true, data: "HALLO" });
  });

  it("refuses without a session, with the wrong role, or without the right, before running anything", async () => {
    const { action: a, handler } = action();
    expect(a.permission).toBe("employer.request.submit");
    expect(await a.execute(null, { subject: "x" }, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await a.execute({ ...user, role: "BENEFICIARY" }, { subject: "x" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await a.execute({ ...user, rights: [] }, { subject: "x" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    // A right without an organisation grants nothing.
    expect(await a.execute({ ...user, organisationId: null }, { subject: "x" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("takes NUL characters out of the input before its schema reads it (PostgreSQL's text cannot hold them)", async () => {
    const { action: a } = action();
    expect(await a.execute(user, { subject: "ha\u0000llo" }, now)).toEqual({ ok: true, data: "HALLO" });
    // Only NULs: nothing is left, so the field is empty, as typed.
    expect(await a.execute(user, { subject: "\u0000\u0000" }, now)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    const file = new Blob(["a\u0000b"]);
    expect(withoutNul({ list: ["x\u0000y", { deep: "\u0000z" }], file, at: now, count: 3 })).toEqual({ list: ["xy", { deep: "z" }], file, at: now, count: 3 });
  });

  it("names the fields that are wrong", async () => {
    const { action: a } = action();
    const result = await a.execute(user, { subject: "" }, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe("INVALID_INPUT");
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toEqual(["subject"]);
  });

  it("turns a crash into a generic code without leaking the error text", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { action: a } = action(vi.fn(async () => {
      throw new Error("connection string postgres://secret");
    }));
    expect(await a.execute(user, { subject: "x" }, now)).toEqual({ ok: false, reason: "UNEXPECTED" });
    spy.mockRestore();
  });
});
