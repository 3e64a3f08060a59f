"use client";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { postChat } from "./use-chat-stream";

export const MAX_CHARS = 2000;
// The server ignores marks closer together than its throttle; sending fewer saves requests.
const TYPING_EVERY_MS = 2_000;

function newClientId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The input under a conversation: Enter sends, Shift+Enter is a new line, a counter shows what is
 * left of the 2000 characters. A send carries a clientId kept until it succeeds, so a retry after
 * a lost answer cannot post the message twice.
 */
export function Composer({
  chatId,
  value,
  onChange,
  disabled,
  errorText,
  inputId,
}: {
  chatId: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  errorText: (reason: string) => string;
  inputId: string;
}) {
  const t = useTranslations("chatUi.composer");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pendingId = useRef<string | null>(null);
  const lastTyping = useRef(0);
  const left = MAX_CHARS - value.length;

  function typing() {
    const now = Date.now();
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    void postChat(`/api/chat/${encodeURIComponent(chatId)}/typing`);
  }

  async function send() {
    const body = value.trim();
    if (!body || sending || disabled) return;
    if (body.length > MAX_CHARS) return setError(t("tooLong"));
    setSending(true);
    pendingId.current ??= newClientId();
    let result = await postChat(`/api/chat/${encodeURIComponent(chatId)}/messages`, { body, clientId: pendingId.current });
    // One quiet retry with the same clientId when the network dropped the answer.
    if (!result.ok && result.reason === "NETWORK") result = await postChat(`/api/chat/${encodeURIComponent(chatId)}/messages`, { body, clientId: pendingId.current });
    setSending(false);
    if (!result.ok) return setError(errorText(result.reason));
    pendingId.current = null;
    setError(null);
    onChange("");
  }

  return (
    <form
      className="mt-3"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <label htmlFor={inputId} className="text-sm font-medium">
        {t("label")}
      </label>
      <textarea
        id={inputId}
        value={value}
        rows={3}
        maxLength={MAX_CHARS}
        disabled={disabled}
        aria-describedby={`${inputId}-hint ${inputId}-count`}
        onChange={(event) => {
          onChange(event.target.value);
          // Edited text is a new message: a fresh clientId for the next send.
          pendingId.current = null;
          if (event.target.value) typing();
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:bg-slate-100"
      />
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-700">
        <span id={`${inputId}-hint`}>{t("hint")}</span>
        <span id={`${inputId}-count`} aria-live={left < 100 ? "polite" : "off"} className={left < 100 ? "font-semibold text-amber-800" : undefined}>
          {t("count", { used: value.length, max: MAX_CHARS })}
        </span>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={sending || disabled || !value.trim()} className="mt-2 rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60">
        {sending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
