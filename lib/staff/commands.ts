import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { defineTxAction, refusalCode } from "@/lib/actions/transactional";
import { db } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/organisations/commands";
import { InvitationError, resendInvitation, withdrawInvitation } from "@/lib/organisations/invitations";
import { invitationSchema } from "@/lib/organisations/schema";
import { limitedPerActor } from "@/lib/security/limited-action";
import { changeStaff, createTeam, inviteStaff, renameTeam, resetStaffTwoFactor, setStaffActive, STAFF_INVITATIONS, StaffRuleError } from "./mutations";
import { changeStaffSchema, createTeamSchema, inviteStaffSchema, renameTeamSchema, setActiveSchema, staffUserSchema } from "./schema";

const refusals = [StaffRuleError, InvitationError];

// Invitations and their resends mail someone: both spend the inviter's invitation budget.
export const inviteStaffMember = limitedPerActor(
  defineAction({
    name: "staff.invite",
    schema: inviteStaffSchema,
    permission: "staff.manage",
    handler: async (input, { user, now }) => {
      try {
        const invite = await db.$transaction((tx) => inviteStaff(tx, user.id, input, publicBaseUrl(), now));
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
