// Pure rules for the phone log. No I/O.

export type CallRefusal = "UNKNOWN_CALLER_DOSSIER" | "CALLBACK_NEEDS_CALLER";

/**
 * An unknown caller may only ask a general question: dossier content needs a verified person.
 * A callback appointment belongs to a person, so it needs a known caller too.
 */
export function checkCall(input: { knownCaller: boolean; dossierSensitive: boolean; outcome: "RESOLVED" | "OPEN" | "CALLBACK" }): CallRefusal | null {
  if (!input.knownCaller && input.dossierSensitive) return "UNKNOWN_CALLER_DOSSIER";
  if (!input.knownCaller && input.outcome === "CALLBACK") return "CALLBACK_NEEDS_CALLER";
  return null;
}

export type ContactNoteKind = "UNREACHABLE" | "WRONG_NUMBER" | "GENERAL";

/** "Not reached" and "wrong number" notes: the agent must see them the moment the person calls. */
export function isAlertNote(kind: ContactNoteKind): boolean {
  return kind !== "GENERAL";
}

/** Alert notes come first, newest first within alerts and within the rest. */
export function orderContactNotes<T extends { kind: ContactNoteKind; createdAt: Date }>(notes: readonly T[]): T[] {
  const rank = (n: T) => (isAlertNote(n.kind) ? 0 : 1);
  return [...notes].sort((a, b) => rank(a) - rank(b) || b.createdAt.getTime() - a.createdAt.getTime());
}

/** Roles a pre-announcement may be handed over to (warm handover: someone who can act on it). */
export const HANDOVER_ROLES = ["CASE_HANDLER", "TEAM_COORDINATOR"] as const;
