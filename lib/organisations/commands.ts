import "server-only";
import { z } from "zod";
import { fail, fieldErrorsOf, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { defineEmployerAction } from "@/lib/employer/action";
import { limitedPerActor } from "@/lib/security/limited-action";
import { InvitationError, resendInvitation, withdrawInvitation } from "./invitations";
import { acceptInvitation, deactivateAccount, inviteColleague, OrganisationRuleError, setRights, setTwoFactorRequired } from "./mutations";
import { acceptInviteSchema, deactivateSchema, invitationSchema, inviteSchema, setRightsSchema } from "./schema";

export function publicBaseUrl(): string {
  return process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
}

const refusals = [OrganisationRuleError, InvitationError];

// Invitations and their resends mail someone: both spend the inviter's invitation budget.
export const inviteToOrganisation = limitedPerActor(
  defineEmployerAction({
    name: "organisation.invite",
    schema: inviteSchema,
    permission: "employer.users.manage",
    refusals,
    run: async (tx, actor, input, now) => {
      const invite = await inviteColleague(tx, actor, input, publicBaseUrl(), now);
      return { id: invite.id, expiresAt: invite.expiresAt.toISOString() };
    },
  }),
  "invitation_actor",
);

export const withdrawOrganisationInvite = defineEmployerAction({
  name: "organisation.invite_withdraw",
  schema: invitationSchema,
  permission: "employer.users.manage",
  refusals,
  run: (tx, actor, input, now) => withdrawInvitation(tx, actor.id, { organisationId: actor.organisationId }, input.invitationId, now),
});

export const resendOrganisationInvite = limitedPerActor(
  defineEmployerAction({
    name: "organisation.invite_resend",
    schema: invitationSchema,
    permission: "employer.users.manage",
    refusals,
    run: async (tx, actor, input, now) => {
      const sent = await resendInvitation(tx, actor.id, { organisationId: actor.organisationId }, input.invitationId, publicBaseUrl(), now);
      return { expiresAt: sent.expiresAt.toISOString() };
    },
  }),
  "invitation_actor",
);

export const changeRights = defineEmployerAction({
  name: "organisation.rights",
  schema: setRightsSchema,
  permission: "employer.users.manage",
  refusals,
  run: async (tx, actor, input, now) => {
    await setRights(tx, actor, input, now);
  },
});

export const deactivateColleague = defineEmployerAction({
  name: "organisation.deactivate",
  schema: deactivateSchema,
  permission: "employer.users.manage",
  refusals,
  run: async (tx, actor, input, now) => {
    await deactivateAccount(tx, actor, input.userId, now);
  },
});

export const changeTwoFactorSetting = defineEmployerAction({
  name: "organisation.two_factor",
  schema: z.object({ required: z.boolean() }),
  permission: "employer.users.manage",
  refusals: [],
  run: async (tx, actor, input, now) => {
    await setTwoFactorRequired(tx, actor, input.required, now);
  },
});

/** Public: the invitee has no account yet. The token is the credential. */
export async function acceptInvite(rawInput: unknown, now: Date) {
  const parsed = acceptInviteSchema.safeParse(rawInput);
  if (!parsed.success) return fail("INVALID_INPUT", fieldErrorsOf(parsed.error));
  try {
    const result = await db.$transaction((tx) => acceptInvitation(tx, parsed.data, now));
    return ok({ email: result.email });
  } catch (error) {
    if (error instanceof OrganisationRuleError) return fail(error.code);
    console.error("[action organisation.acceptInvite] failed", error instanceof Error ? error.stack : error);
    return fail("UNEXPECTED");
  }
}
