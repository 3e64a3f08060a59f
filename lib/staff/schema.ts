import { z } from "zod";

// Any string reaches the rules: a non-staff role gets its own refusal (NOT_STAFF_ROLE), not a parse error.
const role = z.string().trim().min(1, "REQUIRED").max(40);
const teamIds = z.array(z.string().min(1).max(40)).max(50).default([]);
const userId = z.string().min(1).max(40);

export const inviteStaffSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("INVALID_EMAIL")),
  name: z.string().trim().min(2, "REQUIRED").max(120, "TOO_LONG"),
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
  name: z.string().trim().min(2, "REQUIRED").max(80, "TOO_LONG"),
});
export type CreateTeamInput = z.output<typeof createTeamSchema>;

export const renameTeamSchema = z.object({
  teamId: z.string().min(1).max(40),
  name: z.string().trim().min(2, "REQUIRED").max(80, "TOO_LONG"),
});
