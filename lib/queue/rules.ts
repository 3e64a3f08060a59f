// Pure queue rules. No I/O.
import type { Role } from "@prisma/client";
import { parseTicketNumber, seesAllTeams } from "@/lib/tickets/rules";

/** May this user take (assign to themself) a ticket of this team? */
export function mayTakeFromTeam(user: { role: Role; teamIds: readonly string[] }, teamId: string | null): boolean {
  if (seesAllTeams(user.role)) return true;
  return teamId !== null && user.teamIds.includes(teamId);
}

/** The teams whose queue "take next" draws from. */
export function takeNextTeams(user: { teamIds: readonly string[] }, chosen: string | undefined): string[] {
  if (chosen) return user.teamIds.includes(chosen) ? [chosen] : [];
  return [...user.teamIds];
}

/** A part of a registration number ("000123", "LK-2026-0001"): searched on the number alone. */
export const isNumberSearch = (q: string) => /^(lk-?)?[\d-]{4,}$/i.test(q.trim());

// Sentence punctuation around a word ("Jansen," "jaaropgave?" "(bezwaar)"): typed as in a sentence,
// not part of what is looked for.
const AROUND_A_WORD = /^[.,;:!?"'()[\]{}“”‘’«»…]+|[.,;:!?"'()[\]{}“”‘’«»…]+$/gu;

/** A word without the punctuation around it, while three characters or more remain (one or two are looked for as typed). */
function bareWord(word: string): string {
  const bare = word.replace(AROUND_A_WORD, "");
  return bare.length >= 3 ? bare : word;
}

/**
 * The words a queue search looks for, each anywhere in the ticket (its own fields, its requester,
 * organisation or messages), so "jaaropgave niet vinden" finds "ik kan mijn jaaropgave niet
 * vinden" and "Jansen, jaaropgave?" Jansen's question about it. One word as typed when the text is
 * a registration number or part of one. Signs standing alone ("-", "&") are no word: only a text
 * of nothing else is looked for as it is.
 */
export function searchWords(q: string): string[] {
  const trimmed = q.trim();
  if (parseTicketNumber(trimmed) || isNumberSearch(trimmed)) return [trimmed];
  const words = trimmed
    // Commas and semicolons part words too, not the digits of an amount ("12,50").
    .split(/\s+|[,;](?!\d)/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map(bareWord);
  const seen = new Set<string>();
  const unique = words.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()));
  return unique.length > 0 ? unique : [trimmed];
}
