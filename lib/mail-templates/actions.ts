"use server";
import { runAdminAction } from "@/lib/actions/admin-run";
import { resetMailTemplate, saveMailTemplate } from "./commands";

const PAGES = ["/agent/beheer/mailteksten"] as const;

export async function saveMailTemplateAction(input: unknown) {
  return runAdminAction(saveMailTemplate, input, PAGES);
}
export async function resetMailTemplateAction(input: unknown) {
  return runAdminAction(resetMailTemplate, input, PAGES);
}
