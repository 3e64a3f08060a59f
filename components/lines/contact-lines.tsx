import { getTranslations } from "next-intl/server";
import type { IsoWeekday, Locale } from "@/lib/calendar/opening-hours";
import { formatLongDate, weekdayName } from "@/lib/calendar/format";
import { amsterdamDateKey, parseDateKey } from "@/lib/calendar/local-time";
import type { ContactLineView } from "@/lib/lines/queries";

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

/** "088 - 123 45 67" -> "+31881234567" for the tel: link. */
function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  return digits.startsWith("0") ? `+31${digits.slice(1)}` : digits;
}

/** Every line a portal shows: number, open now or when it opens, hours, channels and closed days. */
export async function ContactLines({ lines, now, locale }: { lines: ContactLineView[]; now: Date; locale: Locale }) {
  const t = await getTranslations("contactLines");
  if (lines.length === 0) return <p className="text-slate-700">{t("none")}</p>;
  const today = amsterdamDateKey(now);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {lines.map((line) => {
        const closedToday = line.closedDays.find((c) => c.date === today);
        return (
          <section key={line.key} aria-labelledby={`line-${line.key}`} data-testid={`line-${line.key}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id={`line-${line.key}`} className="text-lg font-semibold">{line.name}</h2>
            <p className="mt-1">
              {t("phone")}:{" "}
              {line.phone ? <a href={`tel:${telHref(line.phone)}`} className="font-semibold">{line.phone}</a> : <span>{t("noPhone")}</span>}
            </p>
            <p className={`mt-2 font-medium ${line.open ? "text-green-800" : "text-brand-800"}`} data-testid="opening-status">{line.status}</p>
            {closedToday ? <p className="mt-1 text-amber-900">{t("today", { reason: locale === "en" ? closedToday.reasonEn : closedToday.reasonNl })}</p> : null}
            <p className="mt-2 text-sm">{t("channels")}: {line.channels.map((c) => t(`channel.${c}`)).join(", ")}</p>
            <h3 className="mt-4 font-semibold">{t("hours")}</h3>
            <table className="mt-2 text-sm">
              <caption className="sr-only">{`${t("hours")}: ${line.name}`}</caption>
              <tbody>
                {WEEKDAYS.map((day) => (
                  <tr key={day}>
                    <th scope="row" className="pr-6 text-left font-normal">{t(`weekdays.${day}`)}</th>
                    <td>{line.schedule[day].length ? line.schedule[day].map((i) => `${i.open}-${i.close}`).join(", ") : t("closed")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3 className="mt-4 font-semibold">{t("closedDays")}</h3>
            {line.closedDays.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">{t("noClosedDays")}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {line.closedDays.map((c) => {
                  const dn = parseDateKey(c.date)!;
                  return (
                    <li key={c.date}>
                      <span className="font-medium">{`${weekdayName(dn, locale)} ${formatLongDate(dn, locale)}`}</span>: {locale === "en" ? c.reasonEn : c.reasonNl}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
