import "server-only";
import { z } from "zod";
import { defineAction, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { endAllSessions } from "./sessions";

/** "Log out everywhere": every session of the signed-in person ends, this one included. */
export const logOutEverywhere = defineAction({
  name: "auth.logout_everywhere",
  schema: z.object({}),
  // Everyone signed in may end their own sessions; the same permission as changing the password.
  permission: "account.password.change",
  handler: async (_input, { user, now }) => ok(await db.$transaction((tx) => endAllSessions(tx, user.id, now))),
});
