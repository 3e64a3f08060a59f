// Pure letter rules: one greeting per letter, the envelope-window address block, Dutch postcodes.
//
// The rule for greetings: the letter template owns the salutation ("Geachte <naam>,") and the
// closing ("Met vriendelijke groet," with the sender's name). The agent writes only the content;
// the reply box says so, and a salutation the agent typed anyway as the first line, or a sign-off
// (with the name lines under it) at the end, is left out of the printed letter. The stored message
// keeps what the agent typed; only the letter is cleaned, so older letters print right too.

export type LetterLocale = "nl" | "en";

const SALUTATION = /^(geachte|beste|hallo|hoi|dag|goedemorgen|goedemiddag|goedenavond|dear|hello|hi|good (morning|afternoon|evening))\b/i;
const CLOSING =
  /^(met )?(vriendelijke|hartelijke|beste|zonnige|collegiale) groet(en)?[,.!]?$|^hoogachtend[,.!]?$|^groet(en|jes)?[,.!]?$|^(kind|best|warm) regards[,.!]?$|^regards[,.!]?$|^yours (sincerely|faithfully|truly)[,.!]?$|^(sincerely|best wishes)[,.!]?$/i;
/** Lines under a sign-off that are a signature (name, function, organisation), not content. */
const MAX_SIGNATURE_LINES = 4;

function isSalutation(line: string): boolean {
  const text = line.trim();
  // A whole sentence starting with "Beste" ("Beste klant, wij hebben ... ontvangen.") is content.
  return text.length <= 80 && SALUTATION.test(text) && !/[.?]$/.test(text);
}

/** The agent's text without an own leading salutation or trailing sign-off and signature. */
export function letterBody(body: string): { text: string; removedSalutation: boolean; removedClosing: boolean } {
  const lines = body.replace(/\r\n?/g, "\n").trim().split("\n");
  let removedSalutation = false;
  let removedClosing = false;
  if (lines.length > 1 && isSalutation(lines[0]!)) {
    lines.shift();
    removedSalutation = true;
  }
  const nonEmpty = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l.length > 0);
  for (let k = nonEmpty.length - 1; k >= Math.max(1, nonEmpty.length - 1 - MAX_SIGNATURE_LINES); k -= 1) {
    if (CLOSING.test(nonEmpty[k]!.l)) {
      lines.splice(nonEmpty[k]!.i);
      removedClosing = true;
      break;
    }
  }
  return { text: lines.join("\n").trim(), removedSalutation, removedClosing };
}

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** "1234ab", "1234 AB", " 1234  ab " -> "1234 AB"; null for what cannot be a Dutch postcode. */
export function normalizePostcode(input: string): string | null {
  const match = /^\s*([1-9][0-9]{3})\s*([a-zA-Z]{2})\s*$/.exec(input);
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  // PostNL never issues SA, SD and SS.
  if (letters === "SA" || letters === "SD" || letters === "SS") return null;
  return `${match[1]} ${letters}`;
}

type PostalRecord = { postalStreet: string | null; postalCode: string | null; postalCity: string | null };

/** A complete address or null: a letter needs street, postcode and city. */
export function postalAddressOf(record: PostalRecord): PostalAddress | null {
  const street = record.postalStreet?.trim();
  const postalCode = record.postalCode?.trim();
  const city = record.postalCity?.trim();
  return street && postalCode && city ? { street, postalCode, city } : null;
}

/**
 * Where letters on a ticket go: the organisation's address for an employer's ticket, else the
 * requester's; `kind` null when the ticket has neither (an unknown caller).
 */
export function letterAddressOf(ticket: { requesterId: string | null; requester: PostalRecord | null; organisation: (PostalRecord & { name: string }) | null }) {
  const holder = ticket.organisation ?? (ticket.requesterId ? ticket.requester : null);
  return {
    kind: ticket.organisation ? ("ORGANISATION" as const) : ticket.requesterId ? ("PERSON" as const) : null,
    organisationName: ticket.organisation?.name ?? null,
    address: holder ? postalAddressOf(holder) : null,
  };
}

/**
 * The address block in the envelope window: name first, then the organisation, street, and
 * "1234 AB  PLAATS" (two spaces, place in capitals, as PostNL asks for machine sorting).
 */
export function addressBlock(recipient: { name: string; organisationName: string | null; address: PostalAddress | null }): string[] {
  const lines = [recipient.name];
  if (recipient.organisationName) lines.push(recipient.organisationName);
  if (recipient.address) lines.push(recipient.address.street, `${recipient.address.postalCode}  ${recipient.address.city.toUpperCase()}`);
  return lines.filter((l) => l.trim().length > 0);
}
