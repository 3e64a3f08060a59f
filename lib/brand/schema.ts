import { z } from "zod";
import { uploadShape } from "@/lib/portal/schema";
import { NAME_MAX, NAME_MIN, readableWithWhite } from "./rules";

const colour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { message: "COLOUR_FORMAT", abort: true })
  .refine(readableWithWhite, "COLOUR_CONTRAST");

/** What an admin sends from the house-style form. */
export const brandInputSchema = z.object({
  // No control characters: the name goes into mail headers (the sender's name) and PDF text.
  name: z
    .string()
    .trim()
    .min(NAME_MIN, { message: "NAME_TOO_SHORT", abort: true })
    .max(NAME_MAX, { message: "NAME_TOO_LONG", abort: true })
    .refine((v) => !/\p{Cc}/u.test(v), "NAME_CONTROL"),
  primaryColor: colour,
  // Empty: the navigation bar takes a darker shade of the primary colour.
  secondaryColor: z.preprocess((v) => (v === "" || v === null ? undefined : v), colour.optional()),
  // Absent or empty: the logo stays as it is (unless removeLogo).
  logo: z.preprocess((v) => (v instanceof Blob && v.size === 0 ? undefined : v), uploadShape.optional()),
  removeLogo: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});
export type BrandInput = z.output<typeof brandInputSchema>;

/** The "brand" setting row as stored. */
export const storedBrandSchema = z.object({
  name: z.string().min(1).max(NAME_MAX),
  primaryColor: z.string().regex(/^#[0-9a-f]{6}$/),
  secondaryColor: z.string().regex(/^#[0-9a-f]{6}$/).nullable(),
  logoVersion: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
});

/** The "brand.logo" setting row: the picture itself, kept apart so pages reading the name stay light. */
export const storedLogoSchema = z.object({
  mime: z.enum(["image/png", "image/jpeg"]),
  version: z.string().regex(/^[0-9a-f]{16}$/),
  base64: z.string().min(1),
});

export const resetBrandSchema = z.object({});
