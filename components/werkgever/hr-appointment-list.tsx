import { getLocale, getTranslations } from "next-intl/server";
import { formatLongDate } from "@/lib/calendar/format";
import { parseDateKey } from "@/lib/calendar/local-time";
import { slotLabel } from "@/lib/callbacks/rules";

interface Appointment {
  id: string;
  date: string;
  slot: "MORNING" | "AFTERNOON";
  phone: string;
  status: "BOOKED" | "DONE" | "UNREACHABLE" | "WRONG_NUMBER" | "CANCELLED";
  ticket: { number: string; subject: string };
}

/** The contact's callback appointments: when, at which number, and how it went. */
export async function HrAppointmentList({ appointments, heading, withTicket }: { appointments: Appointment[]; heading: string; withTicket: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("werkgever.hrDesk"), getLocale()]);
  const lang = locale === "en" ? "en" : "nl";
  return (
    <section aria-labelledby="hr-appointments" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="hr-appointments">
      <h2 id="hr-appointments" className="font-semibold">{heading}</h2>
      {appointments.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("noAppointments")}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {appointments.map((a) => (
            <li key={a.id}>
              {t("appointment", { when: `${formatLongDate(parseDateKey(a.date)!, lang)}, ${slotLabel(a.slot, lang)}`, phone: a.phone })} · {t(`status.${a.status}`)}
              {withTicket ? <span className="text-slate-600"> · {a.ticket.number} {a.ticket.subject}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
