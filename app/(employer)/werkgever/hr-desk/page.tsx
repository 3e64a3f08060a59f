import { withPageMessages } from "@/components/layout/place-messages";
import { getLocale, getTranslations } from "next-intl/server";
import { HrAppointmentList } from "@/components/werkgever/hr-appointment-list";
import { HrDeskForm } from "@/components/werkgever/hr-desk-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { formatLongDate, weekdayName } from "@/lib/calendar/format";
import { parseDateKey } from "@/lib/calendar/local-time";
import { slotLabel } from "@/lib/callbacks/rules";
import { listHrDeskSlots, listMyHrDeskAppointments } from "@/lib/employer/hr-desk";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("employer.hrDesk");

async function HrDeskPage() {
  const user = await requirePermission("employer.hrdesk.use", "/werkgever/hr-desk");
  const now = new Date();
  const [t, locale, slots, appointments] = await Promise.all([getTranslations("werkgever.hrDesk"), getLocale(), listHrDeskSlots(now), listMyHrDeskAppointments(user, now)]);
  const lang = locale === "en" ? "en" : "nl";
  // The same slot label as every other page and mail (lib/callbacks/rules.ts slotLabel).
  const options = slots.map((s) => {
    const dn = parseDateKey(s.date)!;
    const day = `${weekdayName(dn, lang)} ${formatLongDate(dn, lang)}`;
    return { key: s.key, label: `${day}, ${slotLabel(s.kind, lang)}` };
  });
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <HrAppointmentList appointments={appointments} heading={t("appointments")} withTicket />
      {options.length === 0 ? <p className="text-slate-700">{t("noSlots")}</p> : <HrDeskForm slots={options} />}
    </>
  );
}

export default withPageMessages("app/(employer)/werkgever/hr-desk", HrDeskPage);
