// Demo contact lines: the two fixed lines with DESIGN's hours, an HR-desk line for employers with a
// lunch break (two intervals a day) and a beneficiary line open 08:00-22:00 on working days, as some
// government contact centres run; the evening line and the employer line also take live chat.
// The HR desk has a closure day of its own a few working days out.
import type { Audience, Channel } from "@prisma/client";
import { addWorkingDaysToDate, amsterdamDateKey, DEFAULT_CALENDAR_SETTINGS } from "@/lib/calendar/rules";
import type { Tx } from "@/lib/db/client";

interface DemoLine {
  key: string;
  nameNl: string;
  nameEn: string;
  phone: string;
  audience: Audience | null;
  channels: Channel[];
  intervals: [string, string][];
}

export const DEMO_LINES: DemoLine[] = [
  { key: "BENEFICIARY", nameNl: "Lijn voor uitkeringsgerechtigden", nameEn: "Beneficiary line", phone: "088 - 123 45 67", audience: "BENEFICIARY", channels: ["PHONE"], intervals: [["09:00", "17:00"]] },
  { key: "EMPLOYER", nameNl: "Werkgeverslijn", nameEn: "Employer line", phone: "088 - 123 45 00", audience: "EMPLOYER", channels: ["PHONE", "EMAIL", "CHAT"], intervals: [["09:00", "16:00"]] },
  { key: "HR_DESK", nameNl: "HR-desk lijn", nameEn: "HR desk line", phone: "088 - 123 45 80", audience: "EMPLOYER", channels: ["PHONE"], intervals: [["09:00", "12:00"], ["13:00", "17:00"]] },
  { key: "AVONDLIJN", nameNl: "Avondlijn uitkeringen", nameEn: "Evening benefits line", phone: "088 - 123 45 90", audience: "BENEFICIARY", channels: ["PHONE", "CHAT"], intervals: [["08:00", "22:00"]] },
];

export async function seedContactLines(tx: Tx, now: Date): Promise<void> {
  for (const [sortOrder, line] of DEMO_LINES.entries()) {
    const { intervals, ...data } = line;
    await tx.contactLine.create({ data: { ...data, sortOrder } });
    await tx.openingHours.createMany({
      data: [1, 2, 3, 4, 5].flatMap((weekday) => intervals.map(([opens, closes]) => ({ line: line.key, weekday, opens, closes }))),
    });
  }
  const trainingDay = addWorkingDaysToDate(amsterdamDateKey(now), 3, DEFAULT_CALENDAR_SETTINGS);
  await tx.lineClosureDay.create({ data: { lineKey: "HR_DESK", date: trainingDay, reasonNl: "Teamtraining HR-desk", reasonEn: "HR desk team training" } });
}
