// Pure queue rules. No I/O.
import type { Role } from "@prisma/client";
import { seesAllTeams } from "@/lib/tickets/rules";

/** May this user take (assign to themself) a ticket of this team? */
export function mayTakeFromTeam(user: { role: Role; teamIds: readonly string[] }, teamId: string | null): boolean {
  if (seesAllTeams(user.role)) return true;
  return teamId !== null && user.teamIds.includes(teamId);
}

/** The teams whose queue "take next" draws from. */
export function takeNextTeams(user: { teamIds: readonly string[] }, chosen: string | undefined): string[] {
  if (chosen) return user.teamIds.includes(chosen) ? [chosen] : [];
  return [...user.teamIds];
}
