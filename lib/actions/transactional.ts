import "server-only";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";
import { defineAction, fail, ok, type ActionContext } from "./define";

export type CodedError = abstract new (...args: never[]) => Error & { code: string };

/** An error of one of the listed classes is an expected refusal: its code goes to the client. */
export function refusalCode(error: unknown, refusals: readonly CodedError[]): string | null {
  return refusals.some((kind) => error instanceof kind) ? (error as { code: string }).code : null;
}

/** A refusal as the action answers it: at its field too when it is about one (`fields`: code -> field). */
export function refused(code: string, fields: Readonly<Record<string, string>> | undefined) {
  const field = fields?.[code];
  return field ? fail(code, { [field]: [code] }) : fail(code);
}

/**
 * An action whose work is one transaction: the change, its audit event and its outbox rows
 * commit together. Errors of the listed classes are expected refusals and become their code.
 */
export function defineTxAction<S extends z.ZodType>(def: {
  name: string;
  schema: S;
  permission: Permission;
  refusals: readonly CodedError[];
  /** Refusals about one field (an address in use): said there too, as the form's own checks are. */
  refusalFields?: Readonly<Record<string, string>>;
  run: (tx: Tx, input: z.output<S>, ctx: ActionContext) => Promise<unknown>;
}) {
  return defineAction({
    name: def.name,
    schema: def.schema,
    permission: def.permission,
    async handler(input, ctx) {
      try {
        await db.$transaction((tx) => def.run(tx, input, ctx));
        return ok(undefined);
      } catch (error) {
        const code = refusalCode(error, def.refusals);
        if (code) return refused(code, def.refusalFields);
        throw error;
      }
    },
  });
}

/** The same, for work whose result the caller needs (a new record's id, an invitation's expiry). */
export function defineTxDataAction<S extends z.ZodType, R>(def: {
  name: string;
  schema: S;
  permission: Permission;
  refusals: readonly CodedError[];
  refusalFields?: Readonly<Record<string, string>>;
  run: (tx: Tx, input: z.output<S>, ctx: ActionContext) => Promise<R>;
}) {
  return defineAction<S, R>({
    name: def.name,
    schema: def.schema,
    permission: def.permission,
    async handler(input, ctx) {
      try {
        return ok(await db.$transaction((tx) => def.run(tx, input, ctx)));
      } catch (error) {
        const code = refusalCode(error, def.refusals);
        if (code) return refused(code, def.refusalFields);
        throw error;
      }
    },
  });
}
