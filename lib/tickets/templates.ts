// The values the automatic acknowledgement fills into its template (lib/mail-templates: the admin
// may reword it per language; the built-in text lives there).
import { formatDateTime, type Locale } from "@/lib/calendar/format";
import type { TemplateValues } from "@/lib/mail-templates/registry";

export function acknowledgementValues(input: { number: string; subject: string; dueAt: Date | null; locale: Locale }): TemplateValues<"ticket.acknowledgement"> {
  const due = input.dueAt ? formatDateTime(input.dueAt, input.locale, { weekday: true }) : null;
  const en = input.locale === "en";
  return {
    registratienummer: input.number,
    onderwerp: input.subject,
    antwoordtermijn: due ? (en ? `no later than ${due}` : `uiterlijk ${due}`) : en ? "as soon as possible" : "zo snel mogelijk",
  };
}
