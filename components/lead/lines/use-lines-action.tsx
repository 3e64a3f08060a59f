"use client";
import { type LeadMessage, useLeadAction } from "@/components/lead/use-lead-action";

export type LinesMessage = LeadMessage;

/** Runs a contact-line action: the shared lead hook, in the lines' words, refreshing the page after a save. */
export function useLinesAction(idOf?: (field: string) => string) {
  return useLeadAction("leadLines", idOf, true);
}

export function LinesMessageLine({ message }: { message: LinesMessage }) {
  if (!message) return <p role="status" className="sr-only" />;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
      {message.text}
    </p>
  );
}
