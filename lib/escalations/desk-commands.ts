import "server-only";
import { defineTxAction } from "@/lib/actions/transactional";
import type { SessionUser } from "@/lib/auth/queries";
import { answerEscalation, answerSchema, EscalationDeskError, moveEscalationUp, moveUpSchema, resolveEscalation, resolveSchema, takeEscalation, takeSchema } from "./desk";

// Tier 2 escalations further need escalations.tier2.handle (checked per escalation).
const permission = "escalations.tier1.handle" as const;
const refusals = [EscalationDeskError];
const actor = (user: SessionUser) => ({ id: user.id, role: user.role, name: user.name });

export const takeEscalationAction = defineTxAction({ name: "escalation.take", schema: takeSchema, permission, refusals, run: (tx, input, { user }) => takeEscalation(tx, { escalationId: input.escalationId, actor: actor(user) }) });
export const answerEscalationAction = defineTxAction({ name: "escalation.answer", schema: answerSchema, permission, refusals, run: (tx, input, { user, now }) => answerEscalation(tx, { escalationId: input.escalationId, actor: actor(user), body: input.body }, now) });
export const resolveEscalationAction = defineTxAction({ name: "escalation.resolve", schema: resolveSchema, permission, refusals, run: (tx, input, { user, now }) => resolveEscalation(tx, { escalationId: input.escalationId, actor: actor(user), outcome: input.outcome }, now) });
export const moveEscalationUpAction = defineTxAction({ name: "escalation.moveUp", schema: moveUpSchema, permission, refusals, run: (tx, input, { user, now }) => moveEscalationUp(tx, { escalationId: input.escalationId, actor: actor(user), reason: input.reason }, now) });
