import { getTranslations } from "next-intl/server";
import { AttachmentLinks } from "@/components/ui/attachment-links";
import { LetterLink } from "@/components/ui/letter-link";
import type { MyTicket } from "@/lib/portal/queries";
import { When } from "./when";

/**
 * The messages meant for the customer, oldest first, each with the channel it came by; an answer
 * sent by post links the letter as it was printed (with its salutation, signature and address).
 */
export async function Conversation({ ticketId, messages, now }: { ticketId: string; messages: MyTicket["messages"]; now: Date }) {
  const t = await getTranslations("portaal.ticket");
  return (
    <ol className="space-y-3" aria-label={t("conversation")}>
      {messages.map((m) => {
        const mine = m.direction === "INBOUND";
        return (
          <li key={m.id} data-testid="message" className={`rounded-lg border p-4 ${mine ? "border-slate-200 bg-white" : "border-brand-100 bg-brand-50"}`}>
            <p className="text-sm text-slate-700">
              <span className="font-semibold text-slate-900">{mine ? t("you") : m.automatic ? t("automatic") : t("contactCentre")}</span>
              {" · "}
              <span data-testid="message-channel">{t("via", { channel: m.channel })}</span>
              {" · "}
              <When at={m.createdAt} now={now} />
            </p>
            <p className="mt-2 whitespace-pre-wrap text-slate-900">{m.body}</p>
            {m.direction === "OUTBOUND" && m.channel === "LETTER" ? <LetterLink ticketId={ticketId} messageId={m.id} label={t("viewLetter")} /> : null}
            <AttachmentLinks attachments={m.attachments} label={t("attachments")} />
          </li>
        );
      })}
    </ol>
  );
}
