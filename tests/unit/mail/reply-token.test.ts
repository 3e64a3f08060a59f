import { describe, expect, it } from "vitest";
import { addressesIn, newReplyToken, replyAddressFor, replyTokensIn } from "@/lib/mail/reply-token";

const INTAKE = "vragen@loket.example";

describe("reply tokens", () => {
  it("are 128 random bits in lower-case hex, different every time", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newReplyToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
  });

  it("travel as a sub-address of the intake and come back out of it, whatever the case", () => {
    const token = newReplyToken();
    const address = replyAddressFor(INTAKE, token);
    expect(address).toBe(`vragen+${token}@loket.example`);
    expect(replyTokensIn([address.toUpperCase()], INTAKE)).toEqual([token]);
    expect(replyTokensIn(addressesIn([`"Loket" <${address}>, iemand@elders.example`]), INTAKE)).toEqual([token]);
  });

  it("count only on our own intake address", () => {
    const token = newReplyToken();
    expect(replyTokensIn([`vragen+${token}@loket.example.evil.example`], INTAKE)).toEqual([]);
    expect(replyTokensIn([`andere+${token}@loket.example`], INTAKE)).toEqual([]);
    expect(replyTokensIn([`vragen+${token}@elders.example`], INTAKE)).toEqual([]);
    expect(replyTokensIn([`vragen+${token.slice(1)}@loket.example`, `vragen+${token}x@loket.example`, "vragen+LK-2026-000123@loket.example"], INTAKE)).toEqual([]);
    expect(replyTokensIn([INTAKE], INTAKE)).toEqual([]);
  });
});
