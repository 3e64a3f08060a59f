import { z } from "zod";

export const kbArticleInput = z.object({
  kind: z.enum(["ARTICLE", "CALL_SCRIPT"]),
  audience: z.enum(["INTERNAL", "PUBLIC"]),
  locale: z.enum(["nl", "en"]),
  question: z.string().trim().min(5, "TOO_SHORT").max(300, "TOO_LONG"),
  answer: z.string().trim().min(10, "TOO_SHORT").max(10_000, "TOO_LONG"),
  // Comma-separated in the form; stored as a clean list.
  tags: z
    .string()
    .max(300, "TOO_LONG")
    .default("")
    .transform((value) =>
      [...new Set(value.split(",").map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))].slice(0, 10),
    ),
  published: z.boolean().default(false),
});
export type KbArticleInput = z.output<typeof kbArticleInput>;

export const kbCreateSchema = kbArticleInput;
export const kbUpdateSchema = kbArticleInput.extend({ id: z.string().min(1).max(64) });
export const kbPublishSchema = z.object({ id: z.string().min(1).max(64), published: z.boolean() });
