// Texts the system writes into a ticket or a mail on its own. Kept here, not in the interface
// message files, because they are stored with the ticket in the requester's language.
import { formatAmsterdamDateTime, type Locale } from "@/lib/calendar/format";

export function acknowledgementText(input: { number: string; subject: string; dueAt: Date | null; locale: Locale }): string {
  const due = input.dueAt ? formatAmsterdamDateTime(input.dueAt, input.locale, { weekday: true }) : null;
  if (input.locale === "en") {
    return [
      `We have received your question "${input.subject}" under registration number ${input.number}.`,
      due ? `You will receive an answer no later than ${due}.` : "We will answer you as soon as possible.",
      `Please mention ${input.number} whenever you contact us about this question.`,
    ].join("\n\n");
  }
  return [
    `Wij hebben uw vraag "${input.subject}" ontvangen onder registratienummer ${input.number}.`,
    due ? `U krijgt uiterlijk ${due} antwoord.` : "Wij beantwoorden uw vraag zo snel mogelijk.",
    `Noem ${input.number} als u over deze vraag contact met ons opneemt.`,
  ].join("\n\n");
}
