import "server-only";
import { defineTxAction } from "@/lib/actions/transactional";
import type { SessionUser } from "@/lib/auth/queries";
import { answerEscalation, answerSchema, EscalationDeskError, moveEscalationUp, moveUpSchema, resolveEscalation, resolveSchema, takeEscalation, takeSchema } from "./desk";

const roles = ["TEAM_COORDINATOR", "MANAGER"] as const;
const refusals = [EscalationDeskError];
const actor = (user: SessionUser) => ({ id: user.id, role: user.role, name: user.name });

export const takeEscalationAction = defineTxAction({ name: "escalation.take", schema: takeSchema, roles, refusals, run: (tx, input, { user }) => takeEscalation(tx, { escalationId: input.escalationId, actor: actor(user) }) });
export const answerEscalationAction = defineTxAction({ name: "escalation.answer", schema: answerSchema, roles, refusals, run: (tx, input, { user, now }) => answerEscalation(tx, { escalationId: input.escalationId, actor: actor(user), body: input.body }, now) });
export const resolveEscalationAction = defineTxAction({ name: "escalation.resolve", schema: resolveSchema, roles, refusals, run: (tx, input, { user, now }) => resolveEscalation(tx, { escalationId: input.escalationId, actor: actor(user), outcome: input.outcome }, now) });
export const moveEscalationUpAction = defineTxAction({ name: "escalation.moveUp", schema: moveUpSchema, roles, refusals, run: (tx, input, { user, now }) => moveEscalationUp(tx, { escalationId: input.escalationId, actor: actor(user), reason: input.reason }, now) });
