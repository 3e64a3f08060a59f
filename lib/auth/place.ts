import "server-only";
import type { Permission } from "./permissions";
import type { Place } from "./rules";
import { requirePermission, type SessionUser } from "./session";

/** Entering a place is a permission like any other (lib/auth/permissions.ts). */
export const PLACE_PERMISSION: Readonly<Record<Place, Permission>> = {
  portaal: "portal.enter",
  werkgever: "employer.enter",
  agent: "workspace.enter",
};

/** For pages: the layout already shows "no access"; this keeps a page safe on its own too. */
export async function requirePlaceUser(place: Place, returnTo: string = `/${place}`): Promise<SessionUser> {
  return requirePermission(PLACE_PERMISSION[place], returnTo);
}
