import "server-only";
import { notFound } from "next/navigation";
import { canEnter, type Place } from "./rules";
import { requireSessionUser, type SessionUser } from "./session";

/** For pages: the layout already shows "no access"; this keeps a page safe on its own too. */
export async function requirePlaceUser(place: Place, returnTo: string = `/${place}`): Promise<SessionUser> {
  const user = await requireSessionUser(returnTo);
  if (!canEnter(user.role, place)) notFound();
  return user;
}
