import "server-only";
import { listTeamSlots } from "@/lib/callbacks/queries";
import { slotLabel } from "@/lib/callbacks/rules";
import { formatDayMonth, type Locale, weekdayName } from "@/lib/calendar/format";
import { parseDateKey } from "@/lib/calendar/local-time";
import { db } from "@/lib/db/client";
import { portalTeamId } from "./teams";

export interface PortalSlot {
  key: string;
  date: string;
  kind: "MORNING" | "AFTERNOON";
  dayLabel: string;
  /** "ochtend (10:00-11:00)": the one label of the slot (slotLabel). */
  label: string;
  remaining: number;
  bookable: boolean;
}

/** The slots a beneficiary can pick from for a ticket's team (or the benefits team). */
export async function portalSlots(now: Date, locale: Locale, ticketId?: string | null): Promise<PortalSlot[]> {
  const teamId = await portalTeamId(db, ticketId);
  const offers = await listTeamSlots(db, teamId, now);
  return offers
    .filter((o) => o.reason !== "SLOT_IN_PAST" && o.reason !== "BOOKING_CLOSED")
    .map((o) => {
      const dn = parseDateKey(o.date)!;
      const weekday = weekdayName(dn, locale);
      return {
        key: o.key,
        date: o.date,
        kind: o.kind,
        dayLabel: `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${formatDayMonth(dn, locale)}`,
        label: slotLabel(o.kind, locale),
        remaining: o.remaining,
        bookable: o.bookable,
      };
    });
}
