import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { z } from "zod";
import { acceptInvitation, deactivateAccount, inviteColleague, OrganisationRuleError, setRights, setTwoFactorRequired } from "./mutations";
import { acceptInviteSchema, deactivateSchema, inviteSchema, setRightsSchema } from "./schema";

function refusal(error: unknown) {
  if (error instanceof OrganisationRuleError) return fail(error.code);
  throw error;
}

export function publicBaseUrl(): string {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
}

export const inviteToOrganisation = defineAction({
  name: "organisation.invite",
  schema: inviteSchema,
  roles: ["EMPLOYER_CONTACT"],
  right: "MANAGE_USERS",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    try {
      const invite = await db.$transaction((tx) => inviteColleague(tx, actor, input, publicBaseUrl(), now));
      return ok({ id: invite.id, expiresAt: invite.expiresAt.toISOString() });
    } catch (error) {
      return refusal(error);
    }
  },
});

export const changeRights = defineAction({
  name: "organisation.rights",
  schema: setRightsSchema,
  roles: ["EMPLOYER_CONTACT"],
  right: "MANAGE_USERS",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    try {
      await db.$transaction((tx) => setRights(tx, actor, input, now));
      return ok(undefined);
    } catch (error) {
      return refusal(error);
    }
  },
});

export const deactivateColleague = defineAction({
  name: "organisation.deactivate",
  schema: deactivateSchema,
  roles: ["EMPLOYER_CONTACT"],
  right: "MANAGE_USERS",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    try {
      await db.$transaction((tx) => deactivateAccount(tx, actor, input.userId, now));
      return ok(undefined);
    } catch (error) {
      return refusal(error);
    }
  },
});

export const changeTwoFactorSetting = defineAction({
  name: "organisation.two_factor",
  schema: z.object({ required: z.boolean() }),
  roles: ["EMPLOYER_CONTACT"],
  right: "MANAGE_USERS",
  handler: async (input, { user, now }) => {
    if (!user.organisationId) return fail("FORBIDDEN");
    const actor = { id: user.id, organisationId: user.organisationId };
    await db.$transaction((tx) => setTwoFactorRequired(tx, actor, input.required, now));
    return ok(undefined);
  },
});

/** Public: the invitee has no account yet. The token is the credential. */
export async function acceptInvite(rawInput: unknown, now: Date) {
  const parsed = acceptInviteSchema.safeParse(rawInput);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return fail("INVALID_INPUT", fieldErrors);
  }
  try {
    const result = await db.$transaction((tx) => acceptInvitation(tx, parsed.data, now));
    return ok({ email: result.email });
  } catch (error) {
    if (error instanceof OrganisationRuleError) return fail(error.code);
    console.error("[action organisation.acceptInvite] failed", error instanceof Error ? error.stack : error);
    return fail("UNEXPECTED");
  }
}
