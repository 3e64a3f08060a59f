import "server-only";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { audit } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/client";
import { DEFAULT_SLA_POLICIES } from "@/lib/sla/rules";
import { closureDateProblem, isFixedLine } from "@/lib/lines/rules";
import { WORKING_WEEK } from "@/lib/portal/closures";
import { ownValue } from "@/lib/util/own-key";
import type { closureDaySchema, holidaySettingsSchema, openingHoursSchema, slaPolicySchema, slotCapacitySchema } from "./schema";
import { getCalendarSettings, getLineSchedule } from "./queries";
import { holidaysOn } from "@/lib/calendar/holidays";
import { recheckRunningClocks } from "@/lib/sla/recheck";

export class SettingsRuleError extends Error {
  constructor(readonly code: "CLOSURE_DAY_EXISTS" | "NOT_FOUND" | "DATE_IN_PAST" | "DATE_ON_WEEKEND" | "DATE_IS_HOLIDAY" | "NO_HOURS" | "UNKNOWN_LINE" | "LINE_NEVER_OPEN") {
    super(code);
  }
}

async function putSetting(tx: Tx, key: string, value: Prisma.InputJsonValue, actorId: string) {
  await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  await audit(tx, { actorId, action: "settings.update", entityType: "Setting", entityId: key });
}

export async function saveHolidaySettings(tx: Tx, input: z.infer<typeof holidaySettingsSchema>, actorId: string) {
  await putSetting(tx, "calendar", input, actorId);
  await recheckRunningClocks(tx);
}

export async function addClosureDay(tx: Tx, input: z.infer<typeof closureDaySchema>, actorId: string, now: Date) {
  // A closure day behind us would rewrite past SLA clocks; one on a weekend would close nothing.
  const problem = closureDateProblem(input.date, now, WORKING_WEEK);
  if (problem === "CLOSED_ANYWAY") throw new SettingsRuleError("DATE_ON_WEEKEND");
  if (problem) throw new SettingsRuleError("DATE_IN_PAST");
  if (await tx.closureDay.findUnique({ where: { date: input.date } })) throw new SettingsRuleError("CLOSURE_DAY_EXISTS");
  // A public holiday (as the holiday settings keep them) is closed already: it would close nothing.
  if (holidaysOn(input.date, await getCalendarSettings(tx)).some((h) => h.key !== "CLOSURE_DAY")) throw new SettingsRuleError("DATE_IS_HOLIDAY");
  await tx.closureDay.create({ data: input });
  await recheckRunningClocks(tx);
  await audit(tx, { actorId, action: "settings.closure_day.add", entityType: "ClosureDay", entityId: input.date });
}

export async function removeClosureDay(tx: Tx, date: string, actorId: string) {
  const removed = await tx.closureDay.deleteMany({ where: { date } });
  if (removed.count === 0) throw new SettingsRuleError("NOT_FOUND");
  await recheckRunningClocks(tx);
  await audit(tx, { actorId, action: "settings.closure_day.remove", entityType: "ClosureDay", entityId: date });
}

/** Replaces one line's week (any number of intervals a day; a day without any is closed). */
export async function saveOpeningHours(tx: Tx, input: z.infer<typeof openingHoursSchema>, actorId: string) {
  const line = await tx.contactLine.findUnique({ where: { key: input.line }, select: { key: true, _count: { select: { slaPolicies: true } } } });
  if (!line) throw new SettingsRuleError("NOT_FOUND");
  const data = input.days.flatMap((d) => d.hours.map((i) => ({ line: input.line, weekday: d.weekday, opens: i.open, closes: i.close })));
  // A fixed line without rows reads as DESIGN's default hours, and an SLA clock on a line that never
  // opens never runs: such a line is hidden by making it inactive, not by emptying its week.
  if (data.length === 0 && (isFixedLine(input.line) || line._count.slaPolicies > 0)) throw new SettingsRuleError("NO_HOURS");
  await tx.openingHours.deleteMany({ where: { line: input.line } });
  if (data.length > 0) await tx.openingHours.createMany({ data });
  await recheckRunningClocks(tx);
  await audit(tx, { actorId, action: "settings.opening_hours", entityType: "OpeningHours", entityId: input.line, data: { intervals: data.length } });
}

export async function saveSlaPolicy(tx: Tx, input: z.infer<typeof slaPolicySchema>, actorId: string) {
  const existing = await tx.slaPolicy.findUnique({ where: { key: input.key } });
  const fallback = ownValue(DEFAULT_SLA_POLICIES, input.key);
  if (!existing && !fallback) throw new SettingsRuleError("NOT_FOUND");
  const unit = input.unit ?? existing?.unit ?? fallback!.unit;
  // An OPENING_HOURS clock needs a line that opens at some time, or no due time could be computed.
  const lineKey = unit === "OPENING_HOURS" ? (input.lineKey ?? existing?.lineKey ?? fallback?.lineKey ?? null) : null;
  if (unit === "OPENING_HOURS") {
    if (!lineKey || !(await tx.contactLine.findUnique({ where: { key: lineKey } }))) throw new SettingsRuleError("UNKNOWN_LINE");
    const schedule = await getLineSchedule(tx, lineKey);
    if (Object.values(schedule).every((day) => day.length === 0)) throw new SettingsRuleError("LINE_NEVER_OPEN");
  }
  await tx.slaPolicy.upsert({
    where: { key: input.key },
    create: { key: input.key, nameNl: input.key, nameEn: input.key, unit, lineKey, amount: input.amount, atRiskShare: input.atRiskShare, targetShare: input.targetShare },
    update: { unit, lineKey, amount: input.amount, atRiskShare: input.atRiskShare, targetShare: input.targetShare },
  });
  await recheckRunningClocks(tx);
  await audit(tx, { actorId, action: "settings.sla_policy", entityType: "SlaPolicy", entityId: input.key, data: { amount: input.amount, unit, lineKey } });
}

export async function saveSlotCapacity(tx: Tx, input: z.infer<typeof slotCapacitySchema>, actorId: string) {
  if (!(await tx.team.findUnique({ where: { id: input.teamId } }))) throw new SettingsRuleError("NOT_FOUND");
  for (const [slot, capacity] of [["MORNING", input.morning], ["AFTERNOON", input.afternoon]] as const) {
    await tx.slotCapacity.upsert({ where: { teamId_slot: { teamId: input.teamId, slot } }, create: { teamId: input.teamId, slot, capacity }, update: { capacity } });
  }
  await audit(tx, { actorId, action: "settings.slot_capacity", entityType: "Team", entityId: input.teamId });
}
