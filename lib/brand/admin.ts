import "server-only";
import { PDFDocument } from "pdf-lib";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction } from "@/lib/actions/transactional";
import { db } from "@/lib/db/client";
import { readUpload } from "@/lib/uploads/storage";
import { resetBrand, saveBrand } from "./mutations";
import { checkLogo } from "./rules";
import { brandInputSchema, resetBrandSchema } from "./schema";

/** An admin sets the organisation's name, colours and logo; a refused logo writes nothing. */
export const updateBrand = defineAction({
  name: "settings.brand",
  schema: brandInputSchema,
  permission: "settings.manage",
  async handler(input, { user }) {
    let logo: { mime: "image/png" | "image/jpeg"; bytes: Uint8Array } | null | undefined = input.removeLogo ? null : undefined;
    if (!input.removeLogo && input.logo) {
      const { bytes } = await readUpload(input.logo);
      const check = checkLogo(bytes);
      if (!check.ok) return fail(check.reason, { logo: [check.reason] });
      // The right first bytes but a broken picture: it would show as a broken image and be left off letters.
      if (!(await decodes(check.mime, bytes))) return fail("LOGO_UNREADABLE", { logo: ["LOGO_UNREADABLE"] });
      logo = { mime: check.mime, bytes };
    }
    const change = { name: input.name, primaryColor: input.primaryColor, secondaryColor: input.secondaryColor ?? null, logo };
    await db.$transaction((tx) => saveBrand(tx, change, user.id));
    return ok(undefined);
  },
});

async function decodes(mime: "image/png" | "image/jpeg", bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.create();
    await (mime === "image/png" ? doc.embedPng(bytes) : doc.embedJpg(bytes));
    return true;
  } catch {
    return false;
  }
}

export const resetBrandSettings = defineTxAction({
  name: "settings.brand.reset",
  schema: resetBrandSchema,
  permission: "settings.manage",
  refusals: [],
  run: (tx, _input, { user }) => resetBrand(tx, user.id),
});
