"use client";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { leaveChatAction, leaveChatAsMessageAction, startChatAction } from "@/lib/chat/actions";
import { Composer, MAX_CHARS } from "./composer";
import { useChatErrorText } from "./error-text";
import { MessageList } from "./message-list";
import { Modal } from "./modal";
import { CLOSED_STATUSES, useChatStream, type ChatState } from "./use-chat-stream";

export interface ChatTopic {
  key: string;
  name: string;
}

interface Paths {
  /** Where to write a portal message instead. */
  newMessage: string;
  portal: "portaal" | "werkgever";
}

/** A question by its number (employer portal), by its id or else the overview that lists it (beneficiary portal). */
function ticketHref(paths: Paths, number: string, id?: string): string {
  if (paths.portal === "werkgever") return `/werkgever/vragen/${encodeURIComponent(number)}`;
  return id ? `/portaal/vragen/${encodeURIComponent(id)}` : "/portaal";
}

/** The customer's chat: the start form when there is none, otherwise the conversation. */
export function CustomerChat({ initialChatId, topics, open, paths }: { initialChatId: string | null; topics: ChatTopic[]; open: boolean; paths: Paths }) {
  const [chatId, setChatId] = useState(initialChatId);
  if (chatId) return <Conversation key={chatId} chatId={chatId} paths={paths} onRestart={open ? () => setChatId(null) : null} />;
  return <StartForm topics={topics} onStarted={setChatId} />;
}

function StartForm({ topics, onStarted }: { topics: ChatTopic[]; onStarted: (chatId: string) => void }) {
  const t = useTranslations("chatUi.start");
  const errorText = useChatErrorText();
  const [topic, setTopic] = useState("");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!topic) return setError(t("pickTopic"));
    if (!body.trim()) return setError(t("writeQuestion"));
    start(async () => {
      const result = await startChatAction({ categoryKey: topic, body }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
      onStarted(result.data.chatId);
    });
  }

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="chat-start-title">
      <h2 id="chat-start-title" className="text-lg font-semibold">{t("title")}</h2>
      <fieldset>
        <legend className="text-sm font-medium">{t("topic")}</legend>
        <div className="mt-2 space-y-2">
          {topics.map((c) => (
            <label key={c.key} className="flex items-center gap-2">
              <input type="radio" name="topic" value={c.key} checked={topic === c.key} onChange={() => setTopic(c.key)} className="h-4 w-4" />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="chat-first" className="text-sm font-medium">{t("question")}</label>
        <textarea id="chat-first" value={body} onChange={(e) => setBody(e.target.value)} rows={4} maxLength={MAX_CHARS} aria-describedby="chat-first-count" className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600" />
        <p id="chat-first-count" className="mt-1 text-xs text-slate-700">{t("count", { used: body.length, max: MAX_CHARS })}</p>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60">
        {pending ? t("starting") : t("submit")}
      </button>
    </form>
  );
}

function minutes(sec: number): number {
  return Math.max(1, Math.round(sec / 60));
}

function StatusLine({ state }: { state: ChatState | null }) {
  const t = useTranslations("chatUi.status");
  if (!state) return <p className="text-sm text-slate-700">{t("connecting")}</p>;
  switch (state.status) {
    case "WAITING":
      return (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="chat-queue">
          <p className="font-medium">{t("waiting")}</p>
          <p className="text-sm">
            {t("position", { position: state.position ?? "?" })} ·{" "}
            {t("estimate", { estimate: state.waitEstimateSec === null ? t("unknown") : t("minutes", { count: minutes(state.waitEstimateSec) }) })}
          </p>
        </div>
      );
    case "ACTIVE":
      return <p className="rounded border border-green-300 bg-green-50 p-3 text-green-950" data-testid="chat-active">{t("active", { name: state.agentName ?? t("anAgent") })}</p>;
    default:
      return null;
  }
}

function Conversation({ chatId, paths, onRestart }: { chatId: string; paths: Paths; onRestart: (() => void) | null }) {
  const t = useTranslations("chatUi.customer");
  const errorText = useChatErrorText();
  const { messages, state, gone } = useChatStream(chatId);
  const [draft, setDraft] = useState("");
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [left, setLeft] = useState<{ ticketId: string; number: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const closed = gone || left !== null || (state !== null && CLOSED_STATUSES.includes(state.status));
  const ticketNumber = left?.number ?? state?.ticketNumber ?? null;

  function leaveAsMessage() {
    start(async () => {
      const result = await leaveChatAsMessageAction({ chatId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
      setLeft(result.data);
    });
  }
  function end() {
    start(async () => {
      const result = await leaveChatAction({ chatId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      setConfirmEnd(false);
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
    });
  }

  return (
    <section aria-labelledby="chat-title" className="max-w-3xl">
      <h2 id="chat-title" className="sr-only">{t("title")}</h2>
      <div className="mb-3" aria-live="polite">
        <StatusLine state={state} />
      </div>
      <MessageList messages={messages} own="CUSTOMER" label={t("messages")} />
      <p className="mt-1 min-h-5 text-sm text-slate-700" aria-live="polite" data-testid="chat-typing">
        {state?.agentTyping && state.status === "ACTIVE" ? t("agentTyping", { name: state.agentName ?? t("agentFallback") }) : ""}
      </p>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      {closed ? (
        <div role="status" className="mt-3 rounded border border-slate-300 bg-white p-3" data-testid="chat-closed">
          <p className="font-medium">{state?.status === "LEFT_MESSAGE" || left ? t("leftAsMessage") : state?.status === "ABANDONED" ? t("abandoned") : t("ended")}</p>
          {ticketNumber ? (
            <p className="mt-1 text-sm">
              {t("savedOn")} <Link href={ticketHref(paths, ticketNumber, left?.ticketId ?? state?.ticketId ?? undefined)}>{ticketNumber}</Link>
            </p>
          ) : null}
          {onRestart ? (
            <button type="button" onClick={onRestart} className="mt-2 text-sm font-medium text-brand-700 underline">{t("newChat")}</button>
          ) : null}
        </div>
      ) : (
        <>
          {state?.offerMessage ? (
            <div className="mt-3 rounded border border-brand-200 bg-brand-50 p-3" data-testid="chat-offer">
              <p className="text-sm">{t("offer")}</p>
              <button type="button" onClick={leaveAsMessage} disabled={pending} className="mt-2 rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
                {t("leaveAsMessage")}
              </button>
            </div>
          ) : null}
          <Composer chatId={chatId} value={draft} onChange={setDraft} errorText={errorText} inputId="chat-input" />
          <button type="button" onClick={() => setConfirmEnd(true)} className="mt-4 rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
            {t("end")}
          </button>
        </>
      )}
      <Modal open={confirmEnd} onClose={() => setConfirmEnd(false)} titleId="chat-end-title">
        <h2 id="chat-end-title" className="text-lg font-semibold">{t("endTitle")}</h2>
        <p className="mt-2 text-sm">{t("endText")}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" onClick={end} disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("endConfirm")}</button>
          <button type="button" onClick={() => setConfirmEnd(false)} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium">{t("endCancel")}</button>
        </div>
      </Modal>
    </section>
  );
}
