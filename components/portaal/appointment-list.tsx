import { getLocale, getTranslations } from "next-intl/server";
import { slotLabel } from "@/lib/callbacks/rules";
import type { PortalSlot } from "@/lib/portal/slots";
import { AppointmentActions } from "./appointment-actions";
import { When } from "./when";

interface Appointment {
  id: string;
  date: string;
  slot: "MORNING" | "AFTERNOON";
  slotStart: Date;
  phone: string;
  ticket: { id: string; number: string; subject: string };
}

export async function AppointmentList({ appointments, slots, now, withActions }: { appointments: Appointment[]; slots: PortalSlot[]; now: Date; withActions: boolean }) {
  const [t, th, locale] = await Promise.all([getTranslations("portaal.callback"), getTranslations("portaal.home"), getLocale()]);
  if (appointments.length === 0) return <p className="text-slate-700">{th("noAppointments")}</p>;
  return (
    <ul className="space-y-3">
      {appointments.map((a) => (
        <li key={a.id} data-testid="appointment" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <p className="font-medium text-slate-900">
            <When at={a.slotStart} now={now} /> · {slotLabel(a.slot, locale === "en" ? "en" : "nl")}
          </p>
          <p className="text-sm text-slate-700">
            {t("about", { number: a.ticket.number })} · {t("onPhone", { phone: a.phone })}
          </p>
          {withActions ? <AppointmentActions appointmentId={a.id} slots={slots} /> : null}
        </li>
      ))}
    </ul>
  );
}
