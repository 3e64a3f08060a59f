import { getFormatter } from "@/lib/i18n/formatter";

/** Absolute time and "in 3 hours" side by side, as the interface rules ask. */
export async function When({ date, now }: { date: Date | null; now?: Date }) {
  const format = await getFormatter();
  if (!date) return <>—</>;
  return (
    <time dateTime={date.toISOString()}>
      {format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" })}{" "}
      <span className="text-slate-600">({format.relativeTime(date, now ?? new Date())})</span>
    </time>
  );
}
