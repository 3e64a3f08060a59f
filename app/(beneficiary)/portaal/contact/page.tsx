import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { describeOpening, type IsoWeekday } from "@/lib/calendar/opening-hours";
import { formatLongDate, weekdayName } from "@/lib/calendar/format";
import { parseDateKey } from "@/lib/calendar/local-time";
import { amsterdamDateKey } from "@/lib/calendar/rules";
import { db } from "@/lib/db/client";
import { listPublicFaq } from "@/lib/kb/queries";
import { upcomingClosedDays } from "@/lib/portal/closures";
import { listClosureDays } from "@/lib/portal/queries";
import { getCalendarSettings, getOpeningHours } from "@/lib/settings/queries";

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export default async function ContactPage() {
  await requirePermission("portal.enter", "/portaal/contact");
  const now = new Date();
  const today = amsterdamDateKey(now);
  const locale = (await getLocale()) === "en" ? "en" : "nl";
  const [t, hours, settings, closureRows, faq] = await Promise.all([
    getTranslations("portaal.contact"),
    getOpeningHours(db),
    getCalendarSettings(db),
    listClosureDays(today),
    listPublicFaq(db, locale),
  ]);
  const schedule = hours.BENEFICIARY;
  const closures = upcomingClosedDays(today, settings, closureRows);
  const closedToday = closures.find((c) => c.date === today);
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="phone-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="phone-title" className="text-lg font-semibold">{t("phone")}</h2>
          <p className="mt-1">{t("line")}: <a href="tel:+31881234567" className="font-semibold">{t("number")}</a></p>
          <p className="mt-2 font-medium text-brand-800" data-testid="opening-status">{describeOpening(schedule, now, settings, locale)}</p>
          {closedToday ? <p className="mt-1 text-amber-900">{t("today", { reason: locale === "en" ? closedToday.reasonEn : closedToday.reasonNl })}</p> : null}
          <h3 className="mt-4 font-semibold">{t("hours")}</h3>
          <table className="mt-2 text-sm">
            <caption className="sr-only">{t("hours")}</caption>
            <tbody>
              {WEEKDAYS.map((day) => (
                <tr key={day}>
                  <th scope="row" className="pr-6 text-left font-normal">{t(`weekdays.${day}`)}</th>
                  <td>{schedule[day].length ? schedule[day].map((i) => `${i.open}-${i.close}`).join(", ") : t("closed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-4"><Link href="/portaal/nieuw">{t("write")}</Link></p>
        </section>
        <section aria-labelledby="closures-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="closures-title" className="text-lg font-semibold">{t("closures")}</h2>
          {closures.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("noClosures")}</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {closures.map((c) => {
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
      </div>
      <section aria-labelledby="faq-title" className="mt-8">
        <h2 id="faq-title" className="mb-3 text-lg font-semibold">{t("faq")}</h2>
        {faq.length === 0 ? <p className="text-slate-700">{t("noFaq")}</p> : null}
        <div className="space-y-2">
          {faq.map((a) => (
            <details key={a.id} className="rounded border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer font-medium text-slate-900">{a.question}</summary>
              <p className="mt-2 text-slate-800">{a.answer}</p>
            </details>
          ))}
        </div>
      </section>
    </>
  );
}
