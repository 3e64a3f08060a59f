import { z } from "zod";
import { TEMPLATE_LOCALES } from "./registry";

// An unknown key is a record that does not exist: NOT_FOUND (checked in the command), not bad input.
const key = z.string().min(1).max(64);
const locale = z.enum(TEMPLATE_LOCALES);

export const saveTemplateSchema = z.object({ key, locale, subject: z.string().max(10_000), body: z.string().max(100_000) });
export const resetTemplateSchema = z.object({ key, locale });

