import "server-only";
import { defineAction, fail, ok } from "@/lib/actions/define";
import { db } from "@/lib/db/client";
import { insertMacro, MacroRuleError, saveMacro } from "./mutations";
import { renderMacro } from "./queries";
import { macroCreateSchema, macroRenderSchema, macroUpdateSchema } from "./schema";

function refusal(error: unknown) {
  // An unknown placeholder comes back as a field error listing what was written, so the form can
  // name it next to the known ones.
  if (error instanceof MacroRuleError) return fail(error.code, error.details.length > 0 ? { body: error.details } : undefined);
  throw error;
}

export const createMacroAction = defineAction({
  name: "macro.create",
  schema: macroCreateSchema,
  permission: "kb.macro.manage",
  handler: async (input, { user, now }) => {
    try {
      return ok(await db.$transaction((tx) => insertMacro(tx, { ...input, actorId: user.id }, now)));
    } catch (error) {
      return refusal(error);
    }
  },
});

export const updateMacroAction = defineAction({
  name: "macro.update",
  schema: macroUpdateSchema,
  permission: "kb.macro.manage",
  handler: async (input, { user, now }) => {
    try {
      await db.$transaction((tx) => saveMacro(tx, { ...input, actorId: user.id }, now));
      return ok({ id: input.id });
    } catch (error) {
      return refusal(error);
    }
  },
});

/**
 * The macro filled from the ticket, for the reply box. A read: nothing changes until the reply is
 * sent (see applyMacroOnReply). Whoever may reply on the ticket may use every active macro.
 */
export const renderMacroAction = defineAction({
  name: "macro.render",
  schema: macroRenderSchema,
  permission: "workspace.ticket.reply",
  handler: async (input, { user, now }) => {
    const rendered = await renderMacro(db, user, input, now);
    if (rendered === "TICKET") return fail("NOT_FOUND");
    if (rendered === "MACRO") return fail("MACRO_NOT_FOUND");
    return ok(rendered);
  },
});
