import { z } from "zod";
import { limitedText } from "@/lib/forms/error-code";

// Any string reaches the rules: a non-staff role gets its own refusal (NOT_STAFF_ROLE), not a parse error.
// A missing role says what to choose.
const role = z.string().trim().min(1, "CHOOSE_ROLE").max(40);
const teamIds = z.array(z.string().min(1).max(40)).max(50).default([]);
const userId = z.string().min(1).max(40);

export const inviteStaffSchema = z.object({
  // In the form's order: the refusal summary links to the first bad field. Limits travel in the codes.
  name: limitedText(120, 2),
  email: z.string().trim().toLowerCase().max(254, "INVALID_EMAIL").pipe(z.email("INVALID_EMAIL")),
  role,
  teamIds,
});
export type InviteStaffInput = z.output<typeof inviteStaffSchema>;

export const changeStaffSchema = z.object({ userId, role, teamIds });
export type ChangeStaffInput = z.output<typeof changeStaffSchema>;

export const staffUserSchema = z.object({ userId });
export const setActiveSchema = z.object({ userId, active: z.boolean() });

export const createTeamSchema = z.object({
  key: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "TEAM_KEY"),
  name: limitedText(80, 2),
});
export type CreateTeamInput = z.output<typeof createTeamSchema>;

export const renameTeamSchema = z.object({
  teamId: z.string().min(1).max(40),
  name: limitedText(80, 2),
});
