import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";

/** An absolute time with the relative one beside it: "25 nov. 2026 10:00 (over 23 uur)". */
export async function When({ at, now, dateOnly = false }: { at: Date | null; now: Date; dateOnly?: boolean }) {
  if (!at) return <>—</>;
  const [format, t] = await Promise.all([getFormatter(), getTranslations("portaal.when")]);
  const absolute = format.dateTime(at, dateOnly ? { dateStyle: "long", timeZone: "Europe/Amsterdam" } : { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" });
  return <time dateTime={at.toISOString()}>{t("absoluteRelative", { absolute, relative: format.relativeTime(at, now) })}</time>;
}
