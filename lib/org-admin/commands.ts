import "server-only";
import { defineTxAction, defineTxDataAction } from "@/lib/actions/transactional";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { InvitationError } from "@/lib/organisations/invitations";
import { limitedPerActor } from "@/lib/security/limited-action";
import { createOrganisation, inviteMainContact, OrgAdminError, resendOrganisationInvitation, setOrganisationActive, updateOrganisation, withdrawOrganisationInvitation } from "./mutations";
import { inviteMainContactSchema, organisationFieldsSchema, organisationInvitationSchema, setOrganisationActiveSchema, updateOrganisationSchema } from "./schema";

const refusals = [OrgAdminError, InvitationError];

export const createOrganisationAction = defineTxDataAction({
  name: "orgAdmin.create",
  schema: organisationFieldsSchema,
  permission: "organisations.manage",
  refusals,
  run: async (tx, input, { user, now }) => ({ id: (await createOrganisation(tx, user.id, input, now)).id }),
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
  defineTxDataAction({
    name: "orgAdmin.invite_main_contact",
    schema: inviteMainContactSchema,
    permission: "organisations.manage",
    refusals,
    run: async (tx, input, { user, now }) => ({ email: input.email, expiresAt: (await inviteMainContact(tx, user.id, input, publicBaseUrl(), now)).expiresAt.toISOString() }),
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
