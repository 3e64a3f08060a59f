import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { changeTicket } from "@/lib/tickets/mutations";
import { checkChangeTargets } from "@/lib/workspace/mutations";
import { unknownPlaceholders } from "./rules";
import type { MacroInput } from "./schema";

export class MacroRuleError extends Error {
  constructor(
    readonly code: "MACRO_NOT_FOUND" | "UNKNOWN_CATEGORY" | "UNKNOWN_PLACEHOLDER",
    /** For UNKNOWN_PLACEHOLDER: the placeholders as written, for the form's message. */
    readonly details: string[] = [],
  ) {
    super(code);
    this.name = "MacroRuleError";
  }
}

async function macroData(tx: Tx, input: MacroInput) {
  const unknown = unknownPlaceholders(input.body);
  if (unknown.length > 0) throw new MacroRuleError("UNKNOWN_PLACEHOLDER", unknown);
  let setCategoryId: string | null = null;
  if (input.setCategoryKey) {
    const category = await tx.ticketCategory.findUnique({ where: { key: input.setCategoryKey }, select: { id: true, active: true } });
    if (!category?.active) throw new MacroRuleError("UNKNOWN_CATEGORY");
    setCategoryId = category.id;
  }
  return { title: input.title, body: input.body, locale: input.locale, setStatus: input.setStatus, setCategoryId, active: input.active };
}

export async function insertMacro(tx: Tx, input: MacroInput & { actorId: string }, now: Date): Promise<{ id: string }> {
  const macro = await tx.macro.create({ data: { ...(await macroData(tx, input)), authorId: input.actorId, createdAt: now, updatedAt: now }, select: { id: true } });
  await audit(tx, { actorId: input.actorId, action: "macro.create", entityType: "Macro", entityId: macro.id, data: { active: input.active, setStatus: input.setStatus, setCategory: input.setCategoryKey } });
  return macro;
}

export async function saveMacro(tx: Tx, input: MacroInput & { id: string; actorId: string }, now: Date): Promise<void> {
  const existing = await tx.macro.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!existing) throw new MacroRuleError("MACRO_NOT_FOUND");
  await tx.macro.update({ where: { id: input.id }, data: { ...(await macroData(tx, input)), updatedAt: now } });
  await audit(tx, { actorId: input.actorId, action: "macro.update", entityType: "Macro", entityId: input.id, data: { active: input.active, setStatus: input.setStatus, setCategory: input.setCategoryKey } });
}

/**
 * The macro's field changes, made when the reply it was inserted into is sent, in the reply's
 * transaction. Why at sending and not at inserting: inserting is drafting. An agent inserts,
 * reads, edits or throws the text away; a ticket that had already moved to "waiting for the
 * customer" (pausing its clock) for a reply that never went out would be wrong, and an agent does
 * not expect a click in the reply box to change the ticket. The ticket's timeline shows the
 * change next to the reply that caused it.
 */
export async function applyMacroOnReply(tx: Tx, user: SessionUser, input: { ticketId: string; macroId: string }, now: Date): Promise<void> {
  const macro = await tx.macro.findFirst({
    where: { id: input.macroId, active: true },
    select: { id: true, setStatus: true, setCategory: { select: { key: true } } },
  });
  if (!macro) throw new MacroRuleError("MACRO_NOT_FOUND");
  const change = { ...(macro.setStatus ? { status: macro.setStatus } : {}), ...(macro.setCategory ? { categoryKey: macro.setCategory.key } : {}) };
  if (Object.keys(change).length > 0) {
    await checkChangeTargets(tx, user, change);
    await changeTicket(tx, { ticketId: input.ticketId, actorId: user.id, ...change }, now);
  }
  await audit(tx, { actorId: user.id, action: "macro.used", entityType: "Ticket", entityId: input.ticketId, data: { macroId: macro.id, ...change } });
}
