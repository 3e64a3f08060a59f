import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { totpKeyring } from "@/lib/auth/auth-secret";
import { db } from "@/lib/db/client";
import { createWebhookEndpoint, deleteWebhookEndpoint, resendWebhookDelivery, rotateWebhookSecret, setWebhookEndpointPaused, WebhookRuleError } from "./mutations";
import { webhookTargetRefusal } from "./target";
import { createEndpointSchema, deliveryIdSchema, endpointIdSchema, setPausedSchema } from "./schema";

// Admin actions of /agent/beheer/webhooks. Each mutation writes its audit event in its transaction.

async function refusing<T>(run: () => Promise<T>) {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof WebhookRuleError) return fail(error.code);
    throw error;
  }
}

export const createWebhook = defineAction({
  name: "webhook.create",
  schema: createEndpointSchema,
  permission: "integrations.manage",
  handler: async (input, { user }) => {
    const production = process.env.NODE_ENV === "production";
    // The name is resolved before the transaction (no network wait while it is open).
    const refusal = await webhookTargetRefusal(input.url, production);
    // Said at the address too, not only above the form.
    if (refusal) return fail(refusal, { url: [refusal] });
    return refusing(() => db.$transaction((tx) => createWebhookEndpoint(tx, { ...input, actorId: user.id, production }, totpKeyring())));
  },
});

export const rotateWebhookSecretAction = defineAction({
  name: "webhook.rotateSecret",
  schema: endpointIdSchema,
  permission: "integrations.manage",
  handler: (input, { user }) => refusing(() => db.$transaction((tx) => rotateWebhookSecret(tx, { endpointId: input.endpointId, actorId: user.id }, totpKeyring()))),
});

export const setWebhookPaused = defineAction({
  name: "webhook.setPaused",
  schema: setPausedSchema,
  permission: "integrations.manage",
  handler: (input, { user, now }) => refusing(() => db.$transaction((tx) => setWebhookEndpointPaused(tx, { ...input, actorId: user.id }, now))),
});

export const deleteWebhook = defineAction({
  name: "webhook.delete",
  schema: endpointIdSchema,
  permission: "integrations.manage",
  handler: (input, { user }) => refusing(() => db.$transaction((tx) => deleteWebhookEndpoint(tx, { endpointId: input.endpointId, actorId: user.id }))),
});

export const resendWebhook = defineAction({
  name: "webhook.resend",
  schema: deliveryIdSchema,
  permission: "integrations.manage",
  handler: (input, { user, now }) => refusing(() => db.$transaction((tx) => resendWebhookDelivery(tx, { deliveryId: input.deliveryId, actorId: user.id }, now))),
});
