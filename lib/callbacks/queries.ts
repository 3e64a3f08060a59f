import "server-only";
import type { SlotKind as DbSlotKind } from "@prisma/client";
import type { DbClient } from "@/lib/settings/queries";
import { getCalendarSettings, getLineCalendar } from "@/lib/settings/queries";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { availableSlots, DEFAULT_SLOT_SETTINGS, type SlotKind, type SlotOffer, type SlotSettings } from "./rules";

export interface TeamSlotSettings extends SlotSettings {
  /** Capacity per slot kind; `capacity` holds the larger of the two. */
  readonly capacityBySlot: Readonly<Record<SlotKind, number>>;
}

/**
 * The team's slot capacities (SlotCapacity rows, the default where missing) and the calendar; with
 * a line (the HR desk's), that line's own closure days too: nobody calls back on a day it is closed.
 */
export async function getSlotSettings(client: DbClient, teamId: string, lineKey?: string): Promise<TeamSlotSettings> {
  const [rows, calendar] = await Promise.all([
    client.slotCapacity.findMany({ where: { teamId } }),
    lineKey ? getLineCalendar(client, lineKey).then((line) => line.settings) : getCalendarSettings(client),
  ]);
  const capacityBySlot: Record<SlotKind, number> = { MORNING: DEFAULT_SLOT_SETTINGS.capacity, AFTERNOON: DEFAULT_SLOT_SETTINGS.capacity };
  for (const row of rows) capacityBySlot[row.slot] = row.capacity;
  return {
    ...DEFAULT_SLOT_SETTINGS,
    calendar,
    capacity: Math.max(capacityBySlot.MORNING, capacityBySlot.AFTERNOON),
    capacityBySlot,
  };
}

/** The settings checkBooking needs for one slot kind: its own capacity. */
export function settingsForSlot(settings: TeamSlotSettings, slot: SlotKind): SlotSettings {
  return { ...settings, capacity: settings.capacityBySlot[slot] };
}

/** Places taken per "date:SLOT" key for the team, dates inclusive; cancelled appointments free theirs. */
export async function getSlotCapacityUsed(client: DbClient, teamId: string, fromDate: string, toDate: string): Promise<Map<string, number>> {
  const groups = await client.callbackAppointment.groupBy({
    by: ["date", "slot"],
    where: { teamId, date: { gte: fromDate, lte: toDate }, status: { not: "CANCELLED" } },
    _count: { _all: true },
  });
  const used = new Map<string, number>();
  for (const g of groups) used.set(`${g.date}:${g.slot satisfies DbSlotKind}`, g._count._all);
  return used;
}

/** Every slot in the horizon for the team, with places left and whether it can be booked now. */
export async function listTeamSlots(client: DbClient, teamId: string, now: Date, lineKey?: string): Promise<SlotOffer[]> {
  const settings = await getSlotSettings(client, teamId, lineKey);
  const far = new Date(now.getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
  const used = await getSlotCapacityUsed(client, teamId, amsterdamDateKey(now), far);
  const morning = availableSlots(now, now, used, settingsForSlot(settings, "MORNING")).filter((s) => s.kind === "MORNING");
  const afternoon = availableSlots(now, now, used, settingsForSlot(settings, "AFTERNOON")).filter((s) => s.kind === "AFTERNOON");
  return [...morning, ...afternoon].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
