"use client";
import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { acceptChatAction } from "@/lib/chat/actions";
import { AgentChatPanel, type TransferTargets } from "./agent-chat-panel";
import { useChatErrorText } from "./error-text";

export interface ConsoleData {
  waiting: { id: string; requesterName: string; topic: string; isPartner: boolean; waitingSec: number; organisationName: string | null }[];
  mine: { id: string; requesterName: string; status: string; lastSeq: number }[];
  limit: number;
  full: boolean;
}

function clock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The agent's chat console: the waiting list (partners first, then longest waiting) and the
 * agent's own chats as tabs, each followed live. The console itself follows
 * /api/chat/console/stream; the caller panel of the chat shown is rendered by the server page.
 */
export function ChatConsole({
  initial,
  selected: selectedProp,
  callerFor,
  caller,
  targets,
}: {
  initial: ConsoleData;
  selected: string | null;
  callerFor: string | null;
  caller: React.ReactNode;
  targets: TransferTargets;
}) {
  const t = useTranslations("chatUi.console");
  const errorText = useChatErrorText();
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [selected, setSelected] = useState(selectedProp);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<{ ticketId: string; number: string; name: string } | null>(null);
  const [live, setLive] = useState(false);
  const [pending, start] = useTransition();
  const tabs = useRef<Map<string, HTMLButtonElement>>(new Map());
  // Per chat: the customer's latest message number, and the one the agent has seen (on the tab shown).
  const [latest, setLatest] = useState<Record<string, number>>({});
  const [seen, setSeen] = useState<Record<string, number>>({});
  const known = useRef<Set<string>>(new Set());
  const onCustomerMessage = useCallback((chatId: string, seq: number) => {
    // What a panel loads when it mounts is history, not news.
    if (!known.current.has(chatId)) {
      known.current.add(chatId);
      setSeen((s) => ({ ...s, [chatId]: seq }));
    }
    setLatest((l) => ({ ...l, [chatId]: seq }));
  }, []);

  // A server render (after accept or a tab switch) brings a fresh view too.
  const [shownInitial, setShownInitial] = useState(initial);
  if (shownInitial !== initial) {
    setShownInitial(initial);
    setView(initial);
    // The ticking clock, not Date.now(): render stays pure; a second off is fine for a waiting time.
    setReceivedAt(now);
  }
  // The URL's choice wins when the server sends a new one (adjusting state while rendering, not in an effect).
  const [shownProp, setShownProp] = useState(selectedProp);
  if (shownProp !== selectedProp) {
    setShownProp(selectedProp);
    setSelected(selectedProp);
  }

  useEffect(() => {
    const source = new EventSource("/api/chat/console/stream");
    source.addEventListener("open", () => setLive(true));
    source.addEventListener("error", () => setLive(source.readyState === EventSource.OPEN));
    source.addEventListener("console", (event) => {
      try {
        setView(JSON.parse((event as MessageEvent<string>).data) as ConsoleData);
        setReceivedAt(Date.now());
      } catch {
        // A malformed event is skipped; the next one carries the whole console again.
      }
    });
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      source.close();
      clearInterval(timer);
    };
  }, []);

  // The chat shown left the agent's list (ended, transferred): show the next one.
  const current = view.mine.some((c) => c.id === selected) ? selected : (view.mine[0]?.id ?? null);

  // A chat that arrived by the stream (a colleague's transfer, the first after an end) has no
  // caller panel yet: ask the server page for it once.
  useEffect(() => {
    if (current && current !== callerFor) router.replace(`/agent/chat?chat=${encodeURIComponent(current)}`, { scroll: false });
  }, [current, callerFor, router]);

  function show(chatId: string, focus = false) {
    setSeen((s) => ({ ...s, ...(current ? { [current]: latest[current] ?? 0 } : {}), [chatId]: latest[chatId] ?? 0 }));
    setSelected(chatId);
    if (focus) tabs.current.get(chatId)?.focus();
    router.replace(`/agent/chat?chat=${encodeURIComponent(chatId)}`, { scroll: false });
  }

  function accept(chatId: string) {
    start(async () => {
      const result = await acceptChatAction({ chatId }).catch(() => ({ ok: false as const, reason: "UNEXPECTED" }));
      if (!result.ok) return setError(errorText(result.reason));
      setError(null);
      setEnded(null);
      show(chatId);
    });
  }

  function onTabKey(event: React.KeyboardEvent, index: number) {
    const count = view.mine.length;
    const to = event.key === "ArrowRight" ? (index + 1) % count : event.key === "ArrowLeft" ? (index - 1 + count) % count : event.key === "Home" ? 0 : event.key === "End" ? count - 1 : -1;
    if (to < 0) return;
    event.preventDefault();
    show(view.mine[to]!.id, true);
  }

  const elapsed = (now - receivedAt) / 1000;
  return (
    <div className="space-y-6">
      <p className="sr-only" aria-live="polite">{live ? t("live") : ""}</p>
      {error ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
      {ended ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-950" data-testid="chat-ended-note">
          {t("endedNote", { name: ended.name })} <Link href={`/agent/tickets/${ended.ticketId}`}>{ended.number}</Link>
        </p>
      ) : null}
      <section aria-labelledby="waiting-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="waiting-title" className="font-semibold">
          {t("waitingTitle", { count: view.waiting.length })}
        </h2>
        <p className="text-sm text-slate-700">{t("capacity", { mine: view.mine.length, limit: view.limit })}{view.full ? ` · ${t("full")}` : ""}</p>
        {view.waiting.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noneWaiting")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="chat-waiting">
            {view.waiting.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{w.requesterName}</span>
                  {w.isPartner ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("partner")}</span> : null}
                  <span className="block text-sm text-slate-700">
                    {w.topic}
                    {w.organisationName ? ` · ${w.organisationName}` : ""} · {t("waitingFor", { time: clock(w.waitingSec + elapsed) })}
                  </span>
                </span>
                <button
                  type="button"
                  onClick={() => accept(w.id)}
                  disabled={pending || view.full}
                  aria-label={t("acceptLabel", { name: w.requesterName })}
                  className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
                >
                  {t("accept")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title" className="mb-2 font-semibold">{t("mineTitle")}</h2>
        {view.mine.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneMine")}</p>
        ) : (
          <>
            <div role="tablist" aria-labelledby="mine-title" className="flex flex-wrap gap-1 border-b border-slate-300">
              {view.mine.map((c, i) => (
                <button
                  key={c.id}
                  ref={(el) => {
                    if (el) tabs.current.set(c.id, el);
                    else tabs.current.delete(c.id);
                  }}
                  type="button"
                  role="tab"
                  id={`chat-tab-${c.id}`}
                  aria-selected={c.id === current}
                  aria-controls={`chat-panel-${c.id}`}
                  tabIndex={c.id === current ? 0 : -1}
                  onClick={() => show(c.id)}
                  onKeyDown={(e) => onTabKey(e, i)}
                  className={`rounded-t border border-b-0 px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700 ${c.id === current ? "border-slate-300 bg-white text-slate-900" : "border-transparent bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
                >
                  {c.requesterName}
                  {c.id !== current && (latest[c.id] ?? 0) > (seen[c.id] ?? 0) ? (
                    <span className="ml-2 inline-block rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" data-testid="chat-unread">
                      {t("unread")}
                    </span>
                  ) : null}
                </button>
              ))}
            </div>
            <div className="grid gap-6 pt-4 lg:grid-cols-[1fr_24rem]">
              <div>
                {view.mine.map((c) => (
                  <div key={c.id} role="tabpanel" id={`chat-panel-${c.id}`} aria-labelledby={`chat-tab-${c.id}`} hidden={c.id !== current}>
                    <AgentChatPanel chatId={c.id} requesterName={c.requesterName} targets={targets} onEnded={(r) => setEnded({ ...r, name: c.requesterName })} onCustomerMessage={onCustomerMessage} />
                  </div>
                ))}
              </div>
              <aside aria-label={t("callerLabel")}>{callerFor && callerFor === current ? caller : <p className="text-sm text-slate-600">{t("callerLoading")}</p>}</aside>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
