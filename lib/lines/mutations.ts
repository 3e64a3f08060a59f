import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit/mutations";
import type { WeeklySchedule } from "@/lib/calendar/opening-hours";
import type { Tx } from "@/lib/db/client";
import { getLineCalendar } from "@/lib/settings/queries";
import { closureDateProblem, isFixedLine, lineKeyFrom } from "./rules";
import type { createLineSchema, lineClosureDaySchema, removeLineClosureDaySchema, updateLineSchema } from "./schema";
import { recheckRunningClocks } from "@/lib/sla/recheck";

export class LineRuleError extends Error {
  constructor(readonly code: "NOT_FOUND" | "LINE_PERMANENT" | "LINE_IN_USE" | "DATE_IN_PAST" | "LINE_CLOSED_THAT_DAY" | "LINE_CLOSURE_DAY_EXISTS" | "LINE_NAME_IN_USE") {
    super(code);
  }
}

type LineFields = Omit<z.infer<typeof updateLineSchema>, "key">;

function columns(input: LineFields) {
  return {
    nameNl: input.nameNl,
    nameEn: input.nameEn,
    phone: input.phone,
    audience: input.audience === "BOTH" ? null : input.audience,
    channels: input.channels,
    active: input.active,
  };
}

/** Two lines of one name cannot be told apart on the contact pages: a name in use (either language, any case) is refused. */
async function assertLineNamesFree(tx: Tx, input: LineFields, exceptKey?: string): Promise<void> {
  const same = await tx.contactLine.findFirst({
    where: {
      OR: [{ nameNl: { equals: input.nameNl, mode: "insensitive" } }, { nameEn: { equals: input.nameEn, mode: "insensitive" } }],
      ...(exceptKey ? { key: { not: exceptKey } } : {}),
    },
    select: { key: true },
  });
  if (same) throw new LineRuleError("LINE_NAME_IN_USE");
}

/** A new line, last in the order, closed until its hours are set (or with the hours given). */
export async function createLine(tx: Tx, input: z.infer<typeof createLineSchema>, actorId: string): Promise<string> {
  await assertLineNamesFree(tx, input);
  const existing = await tx.contactLine.findMany({ select: { key: true, sortOrder: true } });
  const key = lineKeyFrom(input.nameNl, new Set(existing.map((l) => l.key)));
  const sortOrder = Math.max(-1, ...existing.map((l) => l.sortOrder)) + 1;
  await tx.contactLine.create({ data: { key, sortOrder, ...columns(input) } });
  const hours = (input.days ?? []).flatMap((d) => d.hours.map((i) => ({ line: key, weekday: d.weekday, opens: i.open, closes: i.close })));
  if (hours.length > 0) await tx.openingHours.createMany({ data: hours });
  await audit(tx, { actorId, action: "lines.create", entityType: "ContactLine", entityId: key, data: { audience: input.audience, channels: input.channels } });
  return key;
}

export async function updateLine(tx: Tx, input: z.infer<typeof updateLineSchema>, actorId: string): Promise<void> {
  if (!(await tx.contactLine.findUnique({ where: { key: input.key }, select: { key: true } }))) throw new LineRuleError("NOT_FOUND");
  await assertLineNamesFree(tx, input, input.key);
  await tx.contactLine.update({ where: { key: input.key }, data: columns(input) });
  await audit(tx, { actorId, action: "lines.update", entityType: "ContactLine", entityId: input.key, data: { active: input.active, audience: input.audience, channels: input.channels } });
}

/** Removes a line with its hours and closure days; the two fixed lines and lines an SLA clock counts stay. */
export async function removeLine(tx: Tx, key: string, actorId: string): Promise<void> {
  if (isFixedLine(key)) throw new LineRuleError("LINE_PERMANENT");
  if (!(await tx.contactLine.findUnique({ where: { key }, select: { key: true } }))) throw new LineRuleError("NOT_FOUND");
  // The schema would set the policy's line to null, silently changing whose hours its clock counts.
  if ((await tx.slaPolicy.count({ where: { lineKey: key } })) > 0) throw new LineRuleError("LINE_IN_USE");
  await tx.contactLine.delete({ where: { key } });
  await audit(tx, { actorId, action: "lines.remove", entityType: "ContactLine", entityId: key });
}

export async function addLineClosureDay(tx: Tx, input: z.infer<typeof lineClosureDaySchema>, actorId: string, now: Date): Promise<void> {
  if (!(await tx.contactLine.findUnique({ where: { key: input.lineKey }, select: { key: true } }))) throw new LineRuleError("NOT_FOUND");
  const { schedule } = await getLineCalendar(tx, input.lineKey);
  const problem = closureDateProblem(input.date, now, (weekday) => (schedule[weekday as keyof WeeklySchedule]?.length ?? 0) > 0);
  if (problem === "DATE_IN_PAST") throw new LineRuleError("DATE_IN_PAST");
  if (problem === "CLOSED_ANYWAY") throw new LineRuleError("LINE_CLOSED_THAT_DAY");
  const key = { lineKey_date: { lineKey: input.lineKey, date: input.date } };
  if (await tx.lineClosureDay.findUnique({ where: key })) throw new LineRuleError("LINE_CLOSURE_DAY_EXISTS");
  await tx.lineClosureDay.create({ data: input });
  await recheckRunningClocks(tx);
  await audit(tx, { actorId, action: "lines.closure_day.add", entityType: "ContactLine", entityId: input.lineKey, data: { date: input.date } });
}

export async function removeLineClosureDay(tx: Tx, input: z.infer<typeof removeLineClosureDaySchema>, actorId: string): Promise<void> {
  const removed = await tx.lineClosureDay.deleteMany({ where: { lineKey: input.lineKey, date: input.date } });
  if (removed.count === 0) throw new LineRuleError("NOT_FOUND");
  await recheckRunningClocks(tx);
  await audit(tx, { actorId, action: "lines.closure_day.remove", entityType: "ContactLine", entityId: input.lineKey, data: { date: input.date } });
}
