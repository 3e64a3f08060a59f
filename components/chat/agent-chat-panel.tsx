"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { endChatAction, transferChatAction } from "@/lib/chat/actions";
import { KbSearch } from "@/components/agent/kb-search";
import { Composer } from "./composer";
import { useChatErrorText } from "./error-text";
import { MessageList } from "./message-list";
import { Modal } from "./modal";
import { useChatStream } from "./use-chat-stream";

export interface TransferTargets {
  colleagues: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";
const secondary = "rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";

/** One chat at the console: the conversation, answers from the knowledge base, transfer and end. */
export function AgentChatPanel({
  chatId,
  requesterName,
  targets,
  onEnded,
  onCustomerMessage,
}: {
  chatId: string;
  requesterName: string;
  targets: TransferTargets;
  onEnded: (result: { ticketId: string; number: string }) => void;
  /** The number of the customer's latest message, so the console can mark a tab in the background. */
  onCustomerMessage: (chatId: string, seq: number) => void;
}) {
  const t = useTranslations("chatUi.agent");
  const errorText = useChatErrorText();
  const { messages, state } = useChatStream(chatId);
  const [draft, setDraft] = useState("");
  const [target, setTarget] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [pending, start] = useTransition();
  const suffix = chatId;
  const lastCustomerSeq = messages.findLast((m) => m.author === "CUSTOMER")?.seq ?? 0;
  useEffect(() => {
    if (lastCustomerSeq > 0) onCustomerMessage(chatId, lastCustomerSeq);
  }, [chatId, lastCustomerSeq, onCustomerMessage]);


  function transfer(event: React.FormEvent) {
    event.preventDefault();
    const [kind, id] = target.split(":");
    if (!id) return setError(t("pickTarget"));
    start(async () => {
      const result = await transferChatAction(kind === "team" ? { chatId, toTeamId: id } : { chatId, toUserId: id }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
    });
  }

  return (
    <section aria-label={t("chatWith", { name: requesterName })} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="agent-chat">
      <MessageList messages={messages} own="AGENT" label={t("messages", { name: requesterName })} />
      <p className="mt-1 min-h-5 text-sm text-slate-700" aria-live="polite">
        {state?.customerTyping ? t("customerTyping", { name: requesterName }) : ""}
      </p>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      <Composer chatId={chatId} value={draft} onChange={setDraft} errorText={errorText} inputId={`chat-input-${suffix}`} disabled={state !== null && state.status !== "ACTIVE"} />

      <KbSearch
        inputId={`kb-${suffix}`}
        labels={{ search: t("kbSearch"), find: t("kbFind"), none: t("kbNone"), insert: t("kbInsert") }}
        onInsert={(answer) => {
          setDraft((d) => (d ? `${d}\n\n${answer}` : answer).slice(0, 2000));
          document.getElementById(`chat-input-${suffix}`)?.focus();
        }}
      />

      <div className="mt-4 flex flex-wrap items-end gap-4 border-t border-slate-200 pt-3">
        <form onSubmit={transfer} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor={`transfer-${suffix}`} className="text-sm font-medium">{t("transferTo")}</label>
            <select id={`transfer-${suffix}`} value={target} onChange={(e) => setTarget(e.target.value)} className={field}>
              <option value="">{t("choose")}</option>
              <optgroup label={t("colleagues")}>
                {targets.colleagues.map((c) => <option key={c.id} value={`user:${c.id}`}>{c.name}</option>)}
              </optgroup>
              <optgroup label={t("teams")}>
                {targets.teams.map((c) => <option key={c.id} value={`team:${c.id}`}>{c.name}</option>)}
              </optgroup>
            </select>
          </div>
          <button type="submit" disabled={pending || !target} className={secondary}>{t("transfer")}</button>
        </form>
        <button type="button" onClick={() => setEnding(true)} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-800">
          {t("end")}
        </button>
      </div>
      <EndChatDialog chatId={chatId} open={ending} onClose={() => setEnding(false)} onEnded={onEnded} />
    </section>
  );
}

/** "End chat": was it resolved in the chat, and on which ticket the transcript goes (new or an existing number). */
function EndChatDialog({ chatId, open, onClose, onEnded }: { chatId: string; open: boolean; onClose: () => void; onEnded: (result: { ticketId: string; number: string }) => void }) {
  const t = useTranslations("chatUi.end");
  const errorText = useChatErrorText();
  const [resolved, setResolved] = useState<"yes" | "no" | "">("");
  const [target, setTarget] = useState<"new" | "existing">("new");
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const id = (name: string) => `end-${name}-${chatId}`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!resolved) return setError(t("pickResolved"));
    if (target === "existing" && !number.trim()) return setError(t("giveNumber"));
    start(async () => {
      const input = { chatId, resolved: resolved === "yes", ...(target === "existing" ? { ticketNumber: number.trim() } : {}) };
      const result = await endChatAction(input).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
      onClose();
      onEnded(result.data);
    });
  }

  return (
    <Modal open={open} onClose={onClose} titleId={id("title")}>
      <form onSubmit={submit} className="space-y-4">
        <h2 id={id("title")} className="text-lg font-semibold">{t("title")}</h2>
        <fieldset>
          <legend className="text-sm font-medium">{t("resolved")}</legend>
          <div className="mt-1 flex gap-4">
            <label className="flex items-center gap-2"><input type="radio" name={id("resolved")} checked={resolved === "yes"} onChange={() => setResolved("yes")} className="h-4 w-4" />{t("yes")}</label>
            <label className="flex items-center gap-2"><input type="radio" name={id("resolved")} checked={resolved === "no"} onChange={() => setResolved("no")} className="h-4 w-4" />{t("no")}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">{t("fileOn")}</legend>
          <div className="mt-1 space-y-1">
            <label className="flex items-center gap-2"><input type="radio" name={id("target")} checked={target === "new"} onChange={() => setTarget("new")} className="h-4 w-4" />{t("newTicket")}</label>
            <label className="flex items-center gap-2"><input type="radio" name={id("target")} checked={target === "existing"} onChange={() => setTarget("existing")} className="h-4 w-4" />{t("existingTicket")}</label>
          </div>
          {target === "existing" ? (
            <div className="mt-2">
              <label htmlFor={id("number")} className="text-sm font-medium">{t("number")}</label>
              <input id={id("number")} value={number} onChange={(e) => setNumber(e.target.value)} className={field} autoComplete="off" />
            </div>
          ) : null}
        </fieldset>
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("confirm")}</button>
          <button type="button" onClick={onClose} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium">{t("cancel")}</button>
        </div>
      </form>
    </Modal>
  );
}
