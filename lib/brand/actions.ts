"use server";
import { revalidatePath } from "next/cache";
import { runAdminAction } from "@/lib/actions/admin-run";
import * as admin from "./admin";
import { forgetBrand } from "./queries";

/** Takes the form itself (FormData carries the logo file) or a plain object. */
export async function updateBrandAction(input: FormData | Record<string, unknown>) {
  const fields = input instanceof FormData ? Object.fromEntries(["name", "primaryColor", "secondaryColor", "logo", "removeLogo"].map((k) => [k, input.get(k) ?? undefined])) : input;
  const result = await runAdminAction(admin.updateBrand, fields, ["/agent/beheer/instellingen"]);
  if (result.ok) afterChange();
  return result;
}

export async function resetBrandAction() {
  const result = await runAdminAction(admin.resetBrandSettings, {}, ["/agent/beheer/instellingen"]);
  if (result.ok) afterChange();
  return result;
}

/** Every page's frame shows the brand: forget the cached one and redraw them all. */
function afterChange() {
  forgetBrand();
  revalidatePath("/", "layout");
}
