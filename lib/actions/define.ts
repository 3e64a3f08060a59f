// The shared base of every server action: parse with zod, require a session and the named
// permission (lib/auth/permissions.ts), run, and turn surprises into a generic code. Keeping
// `execute` separate from the "use server" wrapper lets tests call the same path with an explicit user.
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import "@/lib/forms/zod-codes";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; reason: string; fieldErrors?: Record<string, string[]> };

export interface ActionContext {
  user: SessionUser;
  now: Date;
}

export interface ActionDefinition<S extends z.ZodType, R> {
  name: string;
  schema: S;
  /** What the caller must be allowed to do; the table decides which roles and rights grant it. */
  permission: Permission;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<R>>;
}

export interface DefinedAction<S extends z.ZodType, R> {
  name: string;
  readonly permission: Permission;
  execute(user: SessionUser | null, rawInput: unknown, now: Date): Promise<ActionResult<R>>;
  readonly schema: S;
}

export function fail(reason: string, fieldErrors?: Record<string, string[]>): { ok: false; reason: string; fieldErrors?: Record<string, string[]> } {
  return fieldErrors ? { ok: false, reason, fieldErrors } : { ok: false, reason };
}

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

/** zod issues as field -> messages, the shape the forms show next to their fields. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function defineAction<S extends z.ZodType, R>(def: ActionDefinition<S, R>): DefinedAction<S, R> {
  return {
    name: def.name,
    schema: def.schema,
    permission: def.permission,
    async execute(user, rawInput, now) {
      if (!user) return fail("UNAUTHENTICATED");
      if (!can(user, def.permission)) return fail("FORBIDDEN");
      const parsed = def.schema.safeParse(withoutNul(rawInput));
      if (!parsed.success) return fail("INVALID_INPUT", fieldErrorsOf(parsed.error));
      try {
        return await def.handler(parsed.data, { user, now });
      } catch (error) {
        // Logged with the action's name only: inputs may hold message bodies.
        console.error(`[action ${def.name}] failed`, error instanceof Error ? error.stack : error);
        return fail("UNEXPECTED");
      }
    },
  };
}

/**
 * The input with U+0000 taken out of every string: PostgreSQL's text cannot hold it (the write
 * would fail as an unexpected error), and no one means to type it. Files and dates pass as they are.
 */
export function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutNul(inner)]));
  }
  return value;
}
