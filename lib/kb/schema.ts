import { z } from "zod";
import { errorCode, limitedText } from "@/lib/forms/error-code";

export const kbArticleInput = z.object({
  kind: z.enum(["ARTICLE", "CALL_SCRIPT"]),
  audience: z.enum(["INTERNAL", "PUBLIC"]),
  locale: z.enum(["nl", "en"]),
  question: limitedText(300, 5),
  answer: limitedText(10_000, 10),
  // Comma-separated in the form; stored as a clean list.
  tags: z
    .string()
    .max(300, errorCode("TOO_LONG", 300))
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
