import { formatDate } from "@/lib/calendar/format";
import type { LetterContent } from "./pdf";
import type { getLetter } from "./queries";
import { postalAddressOf } from "./rules";

type StoredLetter = NonNullable<Awaited<ReturnType<typeof getLetter>>>;

const NO_ADDRESS = { postalStreet: null, postalCode: null, postalCity: null };

/** What the PDF prints for a stored letter reply: the route and the tests share this mapping. */
export function letterContentOf(letter: StoredLetter): LetterContent {
  const locale = letter.ticket.requester?.locale ?? "nl";
  return {
    locale,
    number: letter.ticket.number,
    subject: letter.ticket.subject,
    recipientName: letter.ticket.requester?.name ?? letter.ticket.requesterName ?? "",
    organisationName: letter.ticket.organisation?.name ?? null,
    // Employer letters go to the company's address, others to the person's (lib/letters/mutations).
    address: postalAddressOf(letter.ticket.organisation ?? letter.ticket.requester ?? NO_ADDRESS),
    date: formatDate(letter.message.createdAt, locale),
    writtenAt: letter.message.createdAt,
    body: letter.message.body,
    senderName: letter.message.author?.name ?? "Loket",
    enclosures: letter.message.attachments.map((a) => a.fileName),
  };
}
