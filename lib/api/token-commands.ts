// Creating and revoking API tokens: the admin page's server actions and the tests call these.
import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { audit } from "@/lib/audit/mutations";
import { isStaff } from "@/lib/auth/rules";
import { db } from "@/lib/db/client";
import { hashToken, newTokenSecret, tokenPrefix } from "./token-rules";
import { createTokenSchema, revokeTokenSchema } from "./token-schema";

export const createApiToken = defineAction({
  name: "apiToken.create",
  schema: createTokenSchema,
  permission: "integrations.manage",
  handler: async (input, { user, now }) => {
    if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) return fail("INVALID_INPUT", { expiresAt: ["IN_THE_PAST"] });
    const actor = await db.user.findUnique({ where: { id: input.actorId }, select: { role: true, active: true } });
    // A token acts as a staff member: portal accounts have their own ways in.
    if (!actor || !actor.active || !isStaff(actor.role)) return fail("ACTOR_NOT_STAFF", { actorId: ["ACTOR_NOT_STAFF"] });
    if (input.organisationId && !(await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }))) {
      return fail("ORGANISATION_NOT_FOUND", { organisationId: ["ORGANISATION_NOT_FOUND"] });
    }
    const secret = newTokenSecret();
    const token = await db.$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: {
          name: input.name,
          prefix: tokenPrefix(secret),
          tokenHash: hashToken(secret),
          scopes: input.scopes,
          actorId: input.actorId,
          organisationId: input.organisationId,
          expiresAt: input.expiresAt,
          createdById: user.id,
          createdAt: now,
        },
        select: { id: true, prefix: true },
      });
      await audit(tx, {
        actorId: user.id,
        action: "api_token.created",
        entityType: "ApiToken",
        entityId: created.id,
        organisationId: input.organisationId,
        data: { scopes: input.scopes, actorId: input.actorId },
      });
      return created;
    });
    // The only moment the secret exists outside the caller's hands.
    return ok({ id: token.id, prefix: token.prefix, secret });
  },
});

export const revokeApiToken = defineAction({
  name: "apiToken.revoke",
  schema: revokeTokenSchema,
  permission: "integrations.manage",
  handler: async (input, { user, now }) => {
    const revoked = await db.$transaction(async (tx) => {
      const changed = await tx.apiToken.updateMany({ where: { id: input.tokenId, revokedAt: null }, data: { revokedAt: now } });
      if (changed.count === 0) return false;
      await audit(tx, { actorId: user.id, action: "api_token.revoked", entityType: "ApiToken", entityId: input.tokenId });
      return true;
    });
    return revoked ? ok({ id: input.tokenId }) : fail("NOT_FOUND");
  },
});
