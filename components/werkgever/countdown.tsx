"use client";
import { useNow, useTranslations } from "next-intl";
import { useFormatter } from "@/lib/i18n/use-formatter";
import { countdown } from "@/lib/urgent/rules";

/** The 24-hour clock of an urgent request: hours and minutes left, the due time, "in 3 hours". */
export function Countdown({ dueAt }: { dueAt: string }) {
  const t = useTranslations("werkgever.countdown");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const due = new Date(dueAt);
  const { overdue, hours, minutes } = countdown(due, now);
  const parts = { hours, minutes };
  return (
    <span data-testid="countdown" className={overdue ? "font-semibold text-red-700" : "font-semibold text-amber-800"}>
      {overdue ? t("overdue", parts) : t("left", parts)}{" "}
      <span className="font-normal text-slate-700">
        ({t("due", { at: format.dateTime(due, { dateStyle: "medium", timeStyle: "short" }), relative: format.relativeTime(due, now) })})
      </span>
    </span>
  );
}
