import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction, refusalCode } from "@/lib/actions/transactional";
import { db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { InvitationError } from "@/lib/organisations/invitations";
import { limitedPerActor } from "@/lib/security/limited-action";
import { createOrganisation, inviteMainContact, OrgAdminError, resendOrganisationInvitation, setOrganisationActive, updateOrganisation, withdrawOrganisationInvitation } from "./mutations";
import { inviteMainContactSchema, organisationFieldsSchema, organisationInvitationSchema, setOrganisationActiveSchema, updateOrganisationSchema } from "./schema";

const refusals = [OrgAdminError, InvitationError];

export const createOrganisationAction = defineAction({
  name: "orgAdmin.create",
  schema: organisationFieldsSchema,
  permission: "organisations.manage",
  handler: async (input, { user, now }) => {
    try {
      const row = await db.$transaction((tx) => createOrganisation(tx, user.id, input, now));
      return ok({ id: row.id });
    } catch (error) {
      const code = refusalCode(error, refusals);
      if (code) return fail(code);
      throw error;
    }
  },
});

export const updateOrganisationAction = defineTxAction({
  name: "orgAdmin.update",
  schema: updateOrganisationSchema,
  permission: "organisations.manage",
  refusals,
  run: (tx, input, { user, now }) => updateOrganisation(tx, user.id, input, now),
});

export const setOrganisationActiveAction = defineTxAction({
  name: "orgAdmin.active",
  schema: setOrganisationActiveSchema,
  permission: "organisations.manage",
  refusals,
  run: (tx, input, { user, now }) => setOrganisationActive(tx, user.id, input.organisationId, input.active, now),
});

// Invitations and their resends mail someone: both spend the inviter's invitation budget.
export const inviteMainContactAction = limitedPerActor(
  defineAction({
    name: "orgAdmin.invite_main_contact",
    schema: inviteMainContactSchema,
    permission: "organisations.manage",
    handler: async (input, { user, now }) => {
      try {
        const invite = await db.$transaction((tx) => inviteMainContact(tx, user.id, input, publicBaseUrl(), now));
        return ok({ email: input.email, expiresAt: invite.expiresAt.toISOString() });
      } catch (error) {
        const code = refusalCode(error, refusals);
        if (code) return fail(code);
        throw error;
      }
    },
  }),
  "invitation_actor",
);

export const withdrawOrganisationInviteAsAdmin = defineTxAction({
  name: "orgAdmin.invite_withdraw",
  schema: organisationInvitationSchema,
  permission: "organisations.manage",
  refusals,
  run: (tx, input, { user, now }) => withdrawOrganisationInvitation(tx, user.id, input.invitationId, now),
});

export const resendOrganisationInviteAsAdmin = limitedPerActor(
  defineTxAction({
    name: "orgAdmin.invite_resend",
    schema: organisationInvitationSchema,
    permission: "organisations.manage",
    refusals,
    run: (tx, input, { user, now }) => resendOrganisationInvitation(tx, user.id, input.invitationId, publicBaseUrl(), now),
  }),
  "invitation_actor",
);
