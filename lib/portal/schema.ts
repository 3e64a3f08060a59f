import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";

/** The categories a beneficiary may choose for a portal message. */
export const PORTAL_CATEGORIES = ["GENERAL_QUESTION", "DOSSIER_QUESTION", "PORTAL_HELP", "MALFUNCTION"] as const;
export const MAX_MESSAGE_LENGTH = 10_000;

/** A file from a form, or its bytes (tests, the API). */
export const uploadShape = z.union([
  z.instanceof(Blob).transform((b) => b as File),
  z.object({ name: z.string().max(300), type: z.string().max(200), bytes: z.instanceof(Uint8Array) }),
]);

export const newMessageSchema = z.object({
  // In the form's order: the refusal summary links to the first bad field, and focus goes there.
  // A missing choice says what to choose, not "fill in this field".
  categoryKey: z.enum(PORTAL_CATEGORIES, "CHOOSE_TOPIC"),
  subject: limitedText(150, 3),
  body: limitedText(MAX_MESSAGE_LENGTH),
  // The count is checked by validateUploads so the person gets TOO_MANY_FILES, not a schema error.
  files: z.array(uploadShape).max(20).default([]),
});
export type NewMessageInput = z.output<typeof newMessageSchema>;

export const replySchema = z.object({
  ticketId: z.string().min(1).max(64),
  body: limitedText(MAX_MESSAGE_LENGTH),
  files: z.array(uploadShape).max(20).default([]),
});

export const kbSearchSchema = z.object({ query: z.string().trim().max(300) });

/** A server action receives FormData from the form; this turns it into the schema's shape. */
export function formToObject(form: FormData): Record<string, unknown> {
  const fields: [string, unknown][] = [];
  const files: unknown[] = [];
  for (const [key, value] of form.entries()) {
    if (key === "files") {
      // A file input with nothing picked still sends one empty part; an empty file is no attachment.
      if (typeof value !== "string" && value.size === 0) continue;
      files.push(value);
    } else if (!key.startsWith("$")) fields.push([key, value]);
  }
  if (files.length > 0) fields.push(["files", files]);
  // fromEntries defines own properties: a field named "__proto__" stays a field the schema drops,
  // where `out[key] = file` would have made the file the object's prototype.
  return Object.fromEntries(fields);
}
