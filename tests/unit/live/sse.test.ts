import { describe, expect, it } from "vitest";
import { parseLivePayload } from "@/lib/live/channel";
import { followTopic } from "@/lib/live/follow";
import type { LiveHub } from "@/lib/live/hub";
import { formatSseEvent, lastEventId, sseResponse } from "@/lib/live/sse";

describe("server-sent events", () => {
  it("writes id, event and one line of JSON data, and no line breaks can forge a field", () => {
    expect(formatSseEvent({ id: "7", event: "message", data: { body: "a\nb" } })).toBe('id: 7\nevent: message\ndata: {"body":"a\\nb"}\n\n');
    expect(formatSseEvent({ id: "1\ndata: x", data: 1 })).toBe("id: 1data: x\ndata: 1\n\n");
  });

  it("resumes from Last-Event-ID, or ?after= when a client cannot set headers", () => {
    expect(lastEventId(new Request("http://x/s", { headers: { "Last-Event-ID": "12" } }))).toBe("12");
    expect(lastEventId(new Request("http://x/s?after=4"))).toBe("4");
    expect(lastEventId(new Request("http://x/s"))).toBeNull();
  });

  it("streams what run sends and ends when the client goes away", async () => {
    const abort = new AbortController();
    let sawAbort = false;
    const response = sseResponse(new Request("http://x/s", { signal: abort.signal }), async (send, signal) => {
      send({ id: "1", event: "message", data: "hallo" });
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      sawAbort = true;
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("hallo")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toBe('retry: 2000\n\nid: 1\nevent: message\ndata: "hallo"\n\n');
    abort.abort();
    expect((await reader.read()).done).toBe(true);
    expect(sawAbort).toBe(true);
  });
});

describe("live payloads", () => {
  it("reads topic and version, topics may contain spaces and colons", () => {
    expect(parseLivePayload("chat:abc 12")).toEqual({ topic: "chat:abc", version: 12n });
    expect(parseLivePayload("a b 3")).toEqual({ topic: "a b", version: 3n });
    expect(parseLivePayload("chat:abc")).toBeNull();
    expect(parseLivePayload("chat:abc x")).toBeNull();
    expect(parseLivePayload(undefined)).toBeNull();
  });
});

describe("following a topic", () => {
  it("reads at the start, once more for any number of wakes during a read, never two reads at once", async () => {
    let wake = () => {};
    const hub: LiveHub = { mode: "notify", subscribe: (_t, f) => ((wake = f), () => (wake = () => {})), close: async () => {} };
    let reads = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    let release = () => {};
    const read = async () => {
      reads += 1;
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      if (reads === 1) await new Promise<void>((resolve) => (release = resolve));
      concurrent -= 1;
    };
    const stop = new AbortController();
    const following = followTopic(hub, "t", stop.signal, read);
    await new Promise((resolve) => setTimeout(resolve, 0));
    wake();
    wake();
    wake();
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toBe(2);
    expect(maxConcurrent).toBe(1);
    stop.abort();
    await following;
    wake();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toBe(2);
  });
});
