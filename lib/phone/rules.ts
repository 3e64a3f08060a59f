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

/** Unreachable notes come first: the agent must see them the moment the person calls. */
export function orderContactNotes<T extends { kind: "UNREACHABLE" | "GENERAL"; createdAt: Date }>(notes: readonly T[]): T[] {
  return [...notes].sort((a, b) => (a.kind === b.kind ? b.createdAt.getTime() - a.createdAt.getTime() : a.kind === "UNREACHABLE" ? -1 : 1));
}

/** Roles a pre-announcement may be handed over to (warm handover: someone who can act on it). */
export const HANDOVER_ROLES = ["CASE_HANDLER", "TEAM_COORDINATOR"] as const;
