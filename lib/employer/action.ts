import "server-only";
import type { OrganisationRight, Role } from "@prisma/client";
import type { z } from "zod";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { refusalCode, type CodedError } from "@/lib/actions/transactional";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/queries";
import { db, type Tx } from "@/lib/db/client";

export interface EmployerActor {
  id: string;
  organisationId: string;
  // What lib/employer/scope.ts needs to decide which of the organisation's tickets are theirs.
  role: Role;
  rights: OrganisationRight[];
  hrProfessional: boolean;
  /** What they write in: the labels of a text Loket composes for them. */
  locale: "nl" | "en";
}

/** The contact within their organisation, as employer actions and their rules see them. */
export function employerActorOf(user: SessionUser, organisationId: string): EmployerActor {
  return { id: user.id, organisationId, role: user.role, rights: user.rights, hrProfessional: user.hrProfessional, locale: user.locale };
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
      const actor = employerActorOf(user, user.organisationId);
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
