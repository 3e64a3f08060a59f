// Server-sent events for route handlers: one response that stays open, with a heartbeat so proxies
// keep it, closed when the browser goes away.

export interface SseEvent {
  id?: string;
  event?: string;
  data: unknown;
}

export type SseSend = (event: SseEvent) => void;

const HEARTBEAT_MS = 15_000;

/** One event in the wire format; `data` is JSON on one line (JSON.stringify escapes newlines). */
export function formatSseEvent(event: SseEvent): string {
  let text = "";
  if (event.id !== undefined) text += `id: ${event.id.replace(/[\r\n]/g, "")}\n`;
  if (event.event) text += `event: ${event.event.replace(/[\r\n]/g, "")}\n`;
  return `${text}data: ${JSON.stringify(event.data)}\n\n`;
}

/** Where a reconnecting client left off: EventSource's Last-Event-ID header, or `?after=`. */
export function lastEventId(request: Request): string | null {
  return request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
}

/**
 * Runs `run` for as long as the client listens. `run` should resolve when `signal` aborts (e.g.
 * via followTopic); the stream ends when it resolves or throws.
 */
export function sseResponse(request: Request, run: (send: SseSend, signal: AbortSignal) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          open = false;
          abort.abort();
        }
      };
      const finish = () => {
        if (heartbeat) clearInterval(heartbeat);
        if (!open) return;
        open = false;
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      // Tells EventSource to wait 2 s before reconnecting, and opens the stream at once.
      write("retry: 2000\n\n");
      heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      abort.signal.addEventListener("abort", finish, { once: true });
      run((event) => write(formatSseEvent(event)), abort.signal)
        .catch((error: unknown) => console.error("[live] stream failed", error instanceof Error ? error.message : error))
        .finally(finish);
    },
    cancel() {
      if (heartbeat) clearInterval(heartbeat);
      abort.abort();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
