"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { createWebhook, deleteWebhook, resendWebhook, rotateWebhookSecretAction, setWebhookPaused } from "./commands";

const PAGE = "/agent/beheer/webhooks";

async function run<R>(action: { execute(user: Awaited<ReturnType<typeof getSessionUser>>, input: unknown, now: Date): Promise<R & { ok: boolean }> }, input: unknown): Promise<R> {
  const result = await action.execute(await getSessionUser(), input, new Date());
  if (result.ok) revalidatePath(PAGE, "layout");
  return result;
}

export async function createWebhookAction(input: unknown) {
  return run(createWebhook, input);
}

export async function rotateWebhookSecretFormAction(input: unknown) {
  return run(rotateWebhookSecretAction, input);
}

export async function setWebhookPausedAction(input: unknown) {
  return run(setWebhookPaused, input);
}

export async function deleteWebhookAction(input: unknown) {
  return run(deleteWebhook, input);
}

export async function resendWebhookAction(input: unknown) {
  return run(resendWebhook, input);
}
