// Texts the system writes about a callback appointment (contact notes, mails, the automatic reply).
// Stored with the ticket in the person's language, so they live here and not in the interface
// message files. Every slot is named through slotLabel: one label per slot everywhere.
import { type Locale, formatLongDate } from "@/lib/calendar/format";
import { requireDateKey } from "@/lib/calendar/local-time";
import type { TemplateValues } from "@/lib/mail-templates/registry";
import { type SlotKind, slotKey, slotLabel } from "./rules";

function whenOf(date: string, kind: SlotKind, locale: Locale): string {
  slotKey(date, kind);
  return `${formatLongDate(requireDateKey(date), locale)}, ${slotLabel(kind, locale)}`;
}

/** "Niet bereikt na 2 pogingen op 27 april 2026, ochtend (10:00-11:00)" and its English twin. */
export function contactNoteText(date: string, kind: SlotKind, locale: Locale = "nl", attempts = 2): string {
  const when = whenOf(date, kind, locale);
  return locale === "nl" ? `Niet bereikt na ${attempts} pogingen op ${when}` : `Not reached after ${attempts} attempts on ${when}`;
}

/** "Verkeerd nummer: 0612345678, 27 april 2026, ochtend (10:00-11:00)" and its English twin. */
export function wrongNumberNoteText(phone: string, date: string, kind: SlotKind, locale: Locale = "nl"): string {
  const when = whenOf(date, kind, locale);
  return locale === "nl" ? `Verkeerd nummer: ${phone}, ${when}` : `Wrong number: ${phone}, ${when}`;
}

export type CallbackMailKind = "BOOKED" | "MOVED" | "CANCELLED" | "UNREACHABLE" | "WRONG_NUMBER";

const SUBJECTS: Record<Locale, Record<CallbackMailKind, string>> = {
  nl: {
    BOOKED: "Terugbelafspraak bevestigd",
    MOVED: "Terugbelafspraak verzet",
    CANCELLED: "Terugbelafspraak geannuleerd",
    UNREACHABLE: "Wij konden u niet bereiken",
    WRONG_NUMBER: "Wij konden u niet bereiken op dit nummer",
  },
  en: {
    BOOKED: "Callback appointment confirmed",
    MOVED: "Callback appointment moved",
    CANCELLED: "Callback appointment cancelled",
    UNREACHABLE: "We could not reach you",
    WRONG_NUMBER: "We could not reach you on this number",
  },
};

function bodyOf(kind: CallbackMailKind, when: string, phone: string | undefined, selfService: boolean, locale: Locale): string {
  const nl = locale === "nl";
  switch (kind) {
    case "BOOKED": {
      const at = phone ? (nl ? ` op nummer ${phone}` : ` on ${phone}`) : "";
      const change = selfService
        ? nl ? " U kunt de afspraak tot 30 minuten voor het begin verzetten of annuleren in het portaal." : " You can move or cancel the appointment in the portal until 30 minutes before it starts."
        : "";
      return nl ? `Wij bellen u terug op ${when}${at}.${change}` : `We will call you back on ${when}${at}.${change}`;
    }
    case "MOVED":
      return nl ? `Uw terugbelafspraak is verzet naar ${when}.` : `Your callback appointment has been moved to ${when}.`;
    case "CANCELLED":
      return nl ? `Uw terugbelafspraak op ${when} is geannuleerd.` : `Your callback appointment on ${when} has been cancelled.`;
    case "UNREACHABLE":
      return nl
        ? `Wij hebben u op ${when} twee keer geprobeerd te bellen, maar konden u niet bereiken. Maak in het portaal een nieuwe afspraak.`
        : `We tried to call you twice on ${when} but could not reach you. Please book a new appointment in the portal.`;
    case "WRONG_NUMBER":
      return nl
        ? `Wij hebben u op ${when} gebeld op nummer ${phone ?? "-"}, maar dat nummer bleek niet van u te zijn. Maak in het portaal een nieuwe afspraak en geef daarbij het juiste telefoonnummer op.`
        : `We called you on ${when} on ${phone ?? "-"}, but that number turned out not to be yours. Please book a new appointment in the portal with the right phone number.`;
  }
}

/**
 * The values of the confirmation template (lib/mail-templates, "callback.confirmation"), whose
 * built-in text is the BOOKED mail below. Only beneficiaries move or cancel in the portal.
 */
export function callbackConfirmationValues(input: {
  number: string;
  date: string;
  slot: SlotKind;
  locale: Locale;
  phone: string;
  selfService: boolean;
}): TemplateValues<"callback.confirmation"> {
  const nl = input.locale === "nl";
  return {
    registratienummer: input.number,
    tijdvak: whenOf(input.date, input.slot, input.locale),
    telefoon: input.phone,
    portaalhint: input.selfService
      ? nl ? "U kunt de afspraak tot 30 minuten voor het begin verzetten of annuleren in het portaal." : "You can move or cancel the appointment in the portal until 30 minutes before it starts."
      : "",
  };
}

/** The confirmation / invitation mail for an appointment, in the person's language. */
export function callbackMailText(
  kind: CallbackMailKind,
  input: { number: string; date: string; slot: SlotKind; locale?: Locale; phone?: string; selfService?: boolean },
): { subject: string; text: string } {
  const locale = input.locale ?? "nl";
  const when = whenOf(input.date, input.slot, locale);
  return { subject: `[${input.number}] ${SUBJECTS[locale][kind]}`, text: bodyOf(kind, when, input.phone, input.selfService ?? true, locale) };
}

/**
 * The automatic reply to a request answered by a call (the HR desk): when we will call and at
 * which number, instead of the written-answer promise of an ordinary question.
 */
export function callbackAcknowledgementText(input: { number: string; subject: string; date: string; slot: SlotKind; phone: string; locale: Locale }): string {
  const when = whenOf(input.date, input.slot, input.locale);
  if (input.locale === "en") {
    return [
      `We have received your request "${input.subject}" under registration number ${input.number}.`,
      `A specialist will call you on ${when}, on ${input.phone}.`,
      `Please mention ${input.number} whenever you contact us about this request.`,
    ].join("\n\n");
  }
  return [
    `Wij hebben uw aanvraag "${input.subject}" ontvangen onder registratienummer ${input.number}.`,
    `Een specialist belt u op ${when}, op nummer ${input.phone}.`,
    `Noem ${input.number} als u over deze aanvraag contact met ons opneemt.`,
  ].join("\n\n");
}
