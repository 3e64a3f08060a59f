import { describe, expect, it } from "vitest";
import { z } from "zod";
import "@/lib/forms/zod-codes";

const schema = z
  .object({
    name: z.string(),
    short: z.string().max(3),
    long: z.string().min(5),
    filled: z.string().min(1),
    email: z.email(),
    choice: z.enum(["a", "b"]),
    count: z.number().min(2).max(9),
    list: z.array(z.string()).max(1),
    own: z.string().max(2, "OWN_CODE"),
  })
  .strict();

describe("field errors a schema did not word", () => {
  it("travel as codes with their limits, never as zod's English sentences; a schema's own code wins", () => {
    const result = schema.safeParse({ short: "abcd", long: "abc", filled: "", email: "geen", choice: "c", count: 10, list: ["x", "y"], own: "abc", extra: 1 });
    const byPath = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join(".") || "_", issue.message]));
    expect(byPath).toEqual({
      name: "REQUIRED",
      short: "TOO_LONG:3",
      long: "TOO_SHORT:5",
      filled: "REQUIRED",
      email: "INVALID_EMAIL",
      choice: "INVALID_CHOICE",
      count: "TOO_BIG:9",
      list: "TOO_MANY:1",
      own: "OWN_CODE",
      _: "UNKNOWN_FIELD",
    });
    expect(schema.shape.count.safeParse(1).error?.issues[0]?.message).toBe("TOO_SMALL:2");
    expect(schema.shape.name.safeParse(5).error?.issues[0]?.message).toBe("INVALID_TYPE");
  });
});
