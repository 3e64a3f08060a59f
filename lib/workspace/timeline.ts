// One ordered timeline out of a ticket's messages, events, calls and appointments. Pure.

export type TimelineEntry =
  | {
      kind: "message";
      at: Date;
      id: string;
      direction: "INBOUND" | "OUTBOUND" | "INTERNAL";
      channel: string;
      author: string | null;
      body: string;
      automatic: boolean;
      attachments: { id: string; fileName: string; size: number }[];
    }
  | { kind: "event"; at: Date; id: string; event: string; actor: string | null; from: string | null; to: string | null }
  | { kind: "call"; at: Date; id: string; agent: string; summary: string; resolvedFirstContact: boolean; direction: string }
  | { kind: "appointment"; at: Date; id: string; date: string; slot: string; status: string }
  | { kind: "attempt"; at: Date; id: string; outcome: string; note: string; handler: string };

/** Oldest first; entries at the same instant keep a stable order by kind then id. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  const rank: Record<TimelineEntry["kind"], number> = { message: 0, call: 1, appointment: 2, attempt: 3, event: 4 };
  return [...entries].sort((a, b) => a.at.getTime() - b.at.getTime() || rank[a.kind] - rank[b.kind] || a.id.localeCompare(b.id));
}
