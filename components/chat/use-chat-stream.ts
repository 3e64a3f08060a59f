"use client";
import { useEffect, useState } from "react";
import type { ChatMessageView, ChatStateView } from "@/lib/chat/queries";

/** The stream's shapes are the server readers' own (lib/chat/queries.ts), so the two cannot drift. */
export type ChatMessageItem = ChatMessageView;

export type ChatState = ChatStateView;

export const CLOSED_STATUSES: readonly ChatState["status"][] = ["ENDED", "ABANDONED", "LEFT_MESSAGE"];

/** Adds a message in number order; one already held (a resume overlapping what we have) is dropped. */
export function mergeMessage(list: readonly ChatMessageItem[], message: ChatMessageItem): ChatMessageItem[] {
  if (list.some((m) => m.seq === message.seq)) return list as ChatMessageItem[];
  const next = [...list, message];
  if (list.length > 0 && list[list.length - 1]!.seq > message.seq) next.sort((a, b) => a.seq - b.seq);
  return next;
}

/**
 * Follows one chat over /api/chat/[id]/stream. The browser's EventSource reconnects by itself and
 * sends Last-Event-ID (the last message number), so the server resumes after it; numbers are
 * de-duplicated here anyway. The stream is closed once the chat is over or no longer ours.
 */
export function useChatStream(chatId: string | null) {
  const [messages, setMessages] = useState<ChatMessageItem[]>([]);
  const [state, setState] = useState<ChatState | null>(null);
  const [connected, setConnected] = useState(false);
  const [gone, setGone] = useState(false);

  useEffect(() => {
    // Callers mount one hook per chat (keyed by its id), so there is no earlier chat's state to clear.
    if (!chatId) return;
    const source = new EventSource(`/api/chat/${encodeURIComponent(chatId)}/stream`);
    const parse = <T,>(event: Event): T | null => {
      try {
        return JSON.parse((event as MessageEvent<string>).data) as T;
      } catch {
        return null;
      }
    };
    source.addEventListener("open", () => setConnected(true));
    source.addEventListener("error", () => setConnected(source.readyState === EventSource.OPEN));
    source.addEventListener("message", (event) => {
      const message = parse<ChatMessageItem>(event);
      if (message && typeof message.seq === "number") setMessages((list) => mergeMessage(list, message));
    });
    source.addEventListener("state", (event) => {
      const next = parse<ChatState>(event);
      if (!next) return;
      setState(next);
      if (CLOSED_STATUSES.includes(next.status)) source.close();
    });
    source.addEventListener("gone", () => {
      setGone(true);
      source.close();
    });
    return () => source.close();
  }, [chatId]);

  return { messages, state, connected, gone };
}

/** POST helper for the chat routes: the JSON error code, or null on success. */
export async function postChat(path: string, body?: unknown): Promise<{ ok: true; data: unknown } | { ok: false; reason: string }> {
  try {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return { ok: true, data: response.status === 204 ? null : await response.json().catch(() => null) };
    const error = ((await response.json().catch(() => null)) as { error?: string } | null)?.error;
    return { ok: false, reason: error ?? (response.status === 401 ? "UNAUTHENTICATED" : "UNEXPECTED") };
  } catch {
    return { ok: false, reason: "NETWORK" };
  }
}
