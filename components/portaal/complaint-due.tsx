import type { ComplaintDueView } from "@/lib/complaints/rules";
import { When } from "./when";

/** A complaint's reaction date in the complainant's list: the date, that it waits on them, or nothing. */
export function ComplaintDue({ view, now, label, waiting }: { view: ComplaintDueView; now: Date; label: string; waiting: string }) {
  if (view.kind === "waiting") return <p>{waiting}</p>;
  if (view.kind === "none") return null;
  return (
    <p>
      {label}: <When at={view.at} now={now} dateOnly />
    </p>
  );
}
