import { getLocale, getTranslations } from "next-intl/server";
import { formatDateKeyLong } from "@/lib/calendar/format";
import { slotLabel } from "@/lib/callbacks/rules";
import type { getCaller } from "@/lib/phone/queries";
import { isAlertNote } from "@/lib/phone/rules";
import { CallerHistory } from "./caller-history";
import { When } from "./when";

type CallerView = NonNullable<Awaited<ReturnType<typeof getCaller>>>;

/** Who is calling, and what the call centre must know at once: "not reached" notes stand out. */
export async function CallerPanel({ view }: { view: CallerView }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const { caller, notes, appointments, history, historyPages } = view;
  const organisation = caller.memberships[0]?.organisation;
  return (
    <section aria-labelledby="caller-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="caller-panel">
      <div>
        <h2 id="caller-heading" className="text-lg font-semibold">{caller.name}</h2>
        <p className="text-sm text-slate-700">
          {t(`roles.${caller.role}`)}
          {caller.clientNumber ? ` · ${t("agentPhone.clientNumber")} ${caller.clientNumber}` : ""}
          {organisation ? ` · ${organisation.name} (${organisation.externalNumber})` : ""}
          {caller.phone ? ` · ${caller.phone}` : ""}
        </p>
      </div>
      <div>
        <h3 className="font-semibold">{t("agentPhone.notes")}</h3>
        {notes.length === 0 ? (
          <p className="text-sm text-slate-600">{t("agentPhone.noNotes")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {notes.map((n) =>
              isAlertNote(n.kind) ? (
                <li key={n.id} className="rounded border-2 border-red-600 bg-red-50 p-3 text-sm text-red-900" data-testid={n.kind === "WRONG_NUMBER" ? "note-wrong-number" : "note-unreachable"}>
                  <strong className="mr-1 uppercase">{t("agentPhone.attention")}:</strong>
                  {n.body} <span className="block text-xs text-red-800"><When date={n.createdAt} /></span>
                </li>
              ) : (
                <li key={n.id} className="rounded border border-slate-200 p-2 text-sm">
                  {n.body} <span className="block text-xs text-slate-600"><When date={n.createdAt} />{n.author ? ` · ${n.author.name}` : ""}</span>
                </li>
              ),
            )}
          </ul>
        )}
      </div>
      <CallerHistory callerId={caller.id} items={history.items} more={history.more} pages={historyPages} />
      {appointments.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t("agentPhone.appointments")}</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {appointments.map((a) => (
              <li key={a.id}>{formatDateKeyLong(a.date, locale === "en" ? "en" : "nl")}, {slotLabel(a.slot, locale === "en" ? "en" : "nl")} · {a.ticket.number}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
