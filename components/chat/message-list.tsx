"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatDateTime, formatTime, toFormatLocale } from "@/lib/calendar/format";
import type { ChatMessageItem } from "./use-chat-stream";

/**
 * The conversation, newest at the bottom. A polite live region so a screen reader hears new
 * messages without losing its place; one's own messages sit on the right in the brand colour.
 */
export function MessageList({ messages, own, label }: { messages: ChatMessageItem[]; own: "CUSTOMER" | "AGENT"; label: string }) {
  const t = useTranslations("chatUi.conversation");
  const locale = useLocale();
  const end = useRef<HTMLLIElement>(null);
  const lang = toFormatLocale(locale);

  useEffect(() => {
    end.current?.scrollIntoView({ block: "nearest" });
  }, [messages.length]);

  return (
    <ol aria-label={label} aria-live="polite" aria-relevant="additions" data-testid="chat-messages" className="max-h-[60vh] min-h-40 space-y-3 overflow-y-auto rounded-lg border border-slate-200 bg-slate-50 p-3">
      {messages.length === 0 ? <li className="text-sm text-slate-600">{t("empty")}</li> : null}
      {messages.map((m) => {
        const at = new Date(m.createdAt);
        if (m.author === "SYSTEM") {
          return (
            <li key={m.seq} data-seq={m.seq} className="text-center text-sm italic text-slate-700">
              {m.body} <time dateTime={m.createdAt} title={formatDateTime(at, lang)} className="not-italic text-slate-600">{formatTime(at)}</time>
            </li>
          );
        }
        const mine = m.author === own;
        const who = mine ? t("you") : m.authorName || (m.author === "AGENT" ? t("agent") : t("customer"));
        return (
          <li key={m.seq} data-seq={m.seq} data-own={mine ? "true" : "false"} className={mine ? "flex justify-end" : "flex justify-start"}>
            <div className={`max-w-[85%] rounded-lg px-3 py-2 shadow-sm ${mine ? "bg-brand-700 text-white" : "border border-slate-200 bg-white text-slate-900"}`}>
              <p className={`text-xs font-semibold ${mine ? "text-brand-100" : "text-slate-700"}`}>
                {who} · <time dateTime={m.createdAt} title={formatDateTime(at, lang)}>{formatTime(at)}</time>
              </p>
              <p className="whitespace-pre-wrap break-words">{m.body}</p>
            </div>
          </li>
        );
      })}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
