import "server-only";
import type { OrganisationRight, Role } from "@prisma/client";
import type { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { refusalCode, type CodedError } from "@/lib/actions/transactional";
import type { Permission } from "@/lib/auth/permissions";
import { db, type Tx } from "@/lib/db/client";

export interface EmployerActor {
  id: string;
  organisationId: string;
  // What lib/employer/scope.ts needs to decide which of the organisation's tickets are theirs.
  role: Role;
  rights: OrganisationRight[];
  hrProfessional: boolean;
}

/**
 * An employer contact's action on their own organisation: the permission is checked (employer
 * permissions come from organisation rights), the actor is the contact within their organisation,
 * the work is one transaction, listed errors are refusals.
 */
export function defineEmployerAction<S extends z.ZodType, R>(def: {
  name: string;
  schema: S;
  permission: Permission;
  refusals: readonly CodedError[];
  run: (tx: Tx, actor: EmployerActor, input: z.output<S>, now: Date) => Promise<R>;
}) {
  return defineAction({
    name: def.name,
    schema: def.schema,
    permission: def.permission,
    async handler(input, { user, now }) {
      if (!user.organisationId) return fail("FORBIDDEN");
      const actor = { id: user.id, organisationId: user.organisationId, role: user.role, rights: user.rights, hrProfessional: user.hrProfessional };
      try {
        return ok(await db.$transaction((tx) => def.run(tx, actor, input, now)));
      } catch (error) {
        const code = refusalCode(error, def.refusals);
        if (code) return fail(code);
        throw error;
      }
    },
  });
}
