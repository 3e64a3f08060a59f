// Puts a defined action under a per-caller rate limit without touching the action bases. The
// counter is spent only by a caller the action would serve (signed in, allowed, valid input), and
// before the action's transaction: the limiter has its own connection (see ./rate-limit.ts).
import "server-only";
import type { z } from "zod";
import { fail, type DefinedAction } from "@/lib/actions/define";
import { can } from "@/lib/auth/permissions";
import { consumeRateLimit, type RateLimitKind } from "./rate-limit";

export function limitedPerActor<S extends z.ZodType, R>(action: DefinedAction<S, R>, kind: RateLimitKind): DefinedAction<S, R> {
  return {
    name: action.name,
    schema: action.schema,
    permission: action.permission,
    async execute(user, rawInput, now) {
      if (user && can(user, action.permission) && action.schema.safeParse(rawInput).success) {
        let outcome;
        try {
          outcome = await consumeRateLimit(kind, user.id);
        } catch (error) {
          console.error(`[action ${action.name}] rate limit failed`, error instanceof Error ? error.stack : error);
          return fail("UNEXPECTED");
        }
        if (!outcome.ok) return fail("RATE_LIMITED");
      }
      return action.execute(user, rawInput, now);
    },
  };
}
