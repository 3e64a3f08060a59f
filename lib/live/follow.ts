import type { LiveHub } from "./hub";

/**
 * Keeps one reader up to date with a topic until `signal` aborts: reads once at the start and again
 * after every wake, never two reads at once; wakes during a read cause exactly one more read. The
 * reader keeps its own cursor, so a burst of wakes costs one read, not one per change.
 */
export async function followTopic(hub: LiveHub, topic: string, signal: AbortSignal, read: () => Promise<void>): Promise<void> {
  if (signal.aborted) return;
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await read();
      } while (again && !signal.aborted);
    } catch (error) {
      // A failed read (database restart) is retried by the next wake; the stream stays open.
      console.error(`[live] read for ${topic} failed`, error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const off = hub.subscribe(topic, () => void run());
  try {
    await run();
    await new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  } finally {
    off();
  }
}
