import "server-only";
import { defineTxAction, defineTxDataAction } from "@/lib/actions/transactional";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { InvitationError, resendInvitation, withdrawInvitation } from "@/lib/organisations/invitations";
import { invitationSchema } from "@/lib/organisations/schema";
import { limitedPerActor } from "@/lib/security/limited-action";
import { changeStaff, createTeam, inviteStaff, renameTeam, resetStaffTwoFactor, setStaffActive, STAFF_INVITATIONS, StaffRuleError } from "./mutations";
import { changeStaffSchema, createTeamSchema, inviteStaffSchema, renameTeamSchema, setActiveSchema, staffUserSchema } from "./schema";

const refusals = [StaffRuleError, InvitationError];

// Invitations and their resends mail someone: both spend the inviter's invitation budget.
export const inviteStaffMember = limitedPerActor(
  defineTxDataAction({
    name: "staff.invite",
    schema: inviteStaffSchema,
    permission: "staff.manage",
    refusals,
    run: async (tx, input, { user, now }) => ({ email: input.email, expiresAt: (await inviteStaff(tx, user.id, input, publicBaseUrl(), now)).expiresAt.toISOString() }),
  }),
  "invitation_actor",
);

export const withdrawStaffInvite = defineTxAction({
  name: "staff.invite_withdraw",
  schema: invitationSchema,
  permission: "staff.manage",
  refusals,
  run: (tx, input, { user, now }) => withdrawInvitation(tx, user.id, STAFF_INVITATIONS, input.invitationId, now),
});

export const resendStaffInvite = limitedPerActor(
  defineTxAction({
    name: "staff.invite_resend",
    schema: invitationSchema,
    permission: "staff.manage",
    refusals,
    run: (tx, input, { user, now }) => resendInvitation(tx, user.id, STAFF_INVITATIONS, input.invitationId, publicBaseUrl(), now),
  }),
  "invitation_actor",
);

export const changeStaffMember = defineTxAction({
  name: "staff.change",
  schema: changeStaffSchema,
  permission: "staff.manage",
  refusals,
  run: (tx, input, { user, now }) => changeStaff(tx, user.id, input, now),
});

export const setStaffMemberActive = defineTxAction({
  name: "staff.active",
  schema: setActiveSchema,
  permission: "staff.manage",
  refusals,
  run: (tx, input, { user, now }) => setStaffActive(tx, user.id, input.userId, input.active, now),
});

export const resetStaffMemberTwoFactor = defineTxAction({
  name: "staff.two_factor_reset",
  schema: staffUserSchema,
  permission: "staff.manage",
  refusals,
  run: (tx, input, { user, now }) => resetStaffTwoFactor(tx, user.id, input.userId, now),
});

export const createStaffTeam = defineTxAction({
  name: "team.create",
  schema: createTeamSchema,
  permission: "staff.manage",
  refusals,
  run: (tx, input, { user, now }) => createTeam(tx, user.id, input, now),
});

export const renameStaffTeam = defineTxAction({
  name: "team.rename",
  schema: renameTeamSchema,
  permission: "staff.manage",
  refusals,
  run: (tx, input, { user, now }) => renameTeam(tx, user.id, input.teamId, input.name, now),
});
