import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";

const id = z.string().min(1).max(64);

// A macro may move the ticket on (waiting for the customer, answered) but never close it or make
// it new again: closing ends the conversation, and that is a separate, deliberate step.
export const MACRO_STATUSES = ["OPEN", "PENDING_CUSTOMER", "RESOLVED"] as const;

/** "" from a form's "no change" option means null. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable());

export const macroInput = z.object({
  title: limitedText(120, 3),
  body: limitedText(10_000, 10),
  locale: z.enum(["nl", "en"]),
  setStatus: optional(z.enum(MACRO_STATUSES)),
  setCategoryKey: optional(z.string().min(1).max(64)),
  active: z.boolean().default(true),
});
export type MacroInput = z.output<typeof macroInput>;

export const macroCreateSchema = macroInput;
export const macroUpdateSchema = macroInput.extend({ id });
export const macroRenderSchema = z.object({ macroId: id, ticketId: id });
