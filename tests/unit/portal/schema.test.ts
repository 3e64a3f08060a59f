import { describe, expect, it } from "vitest";
import { formToObject, newMessageSchema } from "@/lib/portal/schema";

describe("newMessageSchema", () => {
  const base = { subject: "Mijn betaling", categoryKey: "GENERAL_QUESTION", body: "Vraag" };
  it("accepts a message up to 10,000 characters and refuses 20,000", () => {
    expect(newMessageSchema.safeParse({ ...base, body: "x".repeat(10_000) }).success).toBe(true);
    expect(newMessageSchema.safeParse({ ...base, body: "x".repeat(20_000) }).success).toBe(false);
    expect(newMessageSchema.safeParse({ ...base, body: "  " }).success).toBe(false);
  });
  it("only offers the portal categories", () => {
    expect(newMessageSchema.safeParse({ ...base, categoryKey: "COMPLAINT" }).success).toBe(false);
  });
});

describe("formToObject", () => {
  it("collects files and skips the empty file a browser sends when none was picked", () => {
    const form = new FormData();
    form.set("subject", "Hallo");
    form.append("files", new File([], ""));
    form.append("files", new File(["%PDF-"], "a.pdf"));
    const out = formToObject(form);
    expect(out.subject).toBe("Hallo");
    expect((out.files as File[]).map((f) => f.name)).toEqual(["a.pdf"]);
  });
});
