import { describe, expect, it } from "vitest";
import { mergeMessage, type ChatMessageItem } from "@/components/chat/use-chat-stream";

const msg = (seq: number, body = `m${seq}`): ChatMessageItem => ({ seq, author: "CUSTOMER", authorName: "Anna", body, createdAt: "2026-12-04T19:00:00.000Z" });

describe("mergeMessage (the chat page's de-duplication by number)", () => {
  it("appends a new number at the end", () => {
    expect(mergeMessage([msg(1), msg(2)], msg(3)).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("drops a number it already holds (a resumed stream overlapping what the page has)", () => {
    const list = [msg(1), msg(2)];
    const merged = mergeMessage(list, msg(2, "again"));
    expect(merged).toHaveLength(2);
    expect(merged[1]!.body).toBe("m2");
  });

  it("puts a late lower number in its place", () => {
    expect(mergeMessage([msg(1), msg(3)], msg(2)).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("replaying a whole stream twice shows every message once, in order", () => {
    let list: ChatMessageItem[] = [];
    for (const seq of [1, 2, 3, 1, 2, 3, 4]) list = mergeMessage(list, msg(seq));
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });
});
