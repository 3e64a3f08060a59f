import "server-only";
import { defineTxAction } from "@/lib/actions/transactional";
import { addLineClosureDay, createLine, LineRuleError, removeLine, removeLineClosureDay, updateLine } from "./mutations";
import { createLineSchema, lineClosureDaySchema, removeLineClosureDaySchema, removeLineSchema, updateLineSchema } from "./schema";

// Contact lines are configuration: admins only (settings.manage), one transaction with its audit event.
const base = { permission: "settings.manage", refusals: [LineRuleError] } as const;

export const createContactLine = defineTxAction({ ...base, name: "lines.create", schema: createLineSchema, run: (tx, input, { user }) => createLine(tx, input, user.id) });
export const updateContactLine = defineTxAction({ ...base, name: "lines.update", schema: updateLineSchema, run: (tx, input, { user }) => updateLine(tx, input, user.id) });
export const removeContactLine = defineTxAction({ ...base, name: "lines.remove", schema: removeLineSchema, run: (tx, input, { user }) => removeLine(tx, input.key, user.id) });
export const addContactLineClosureDay = defineTxAction({
  ...base,
  name: "lines.closureDay.add",
  schema: lineClosureDaySchema,
  run: (tx, input, { user, now }) => addLineClosureDay(tx, input, user.id, now),
});
export const removeContactLineClosureDay = defineTxAction({
  ...base,
  name: "lines.closureDay.remove",
  schema: removeLineClosureDaySchema,
  run: (tx, input, { user }) => removeLineClosureDay(tx, input, user.id),
});
