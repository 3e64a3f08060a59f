import { describe, expect, it } from "vitest";
import { beforeFullStop, endSentence, joinAtFullStop } from "@/lib/util/sentence";

describe("a sentence that ends on a name", () => {
  it("does not double the full stop of a name like 'B.V.'", () => {
    expect(`Brieven gaan naar het adres van ${beforeFullStop("Bakkerij Jansen B.V.")}.`).toBe("Brieven gaan naar het adres van Bakkerij Jansen B.V.");
    expect(`bij ${beforeFullStop("Van Dijk Bouw")}.`).toBe("bij Van Dijk Bouw.");
    expect(beforeFullStop("Fa. Jansen & Zn. ")).toBe("Fa. Jansen & Zn");
    expect(beforeFullStop("")).toBe("");
  });

  it("ends a sentence once", () => {
    expect(endSentence("Bij Bakkerij Jansen B.V.")).toBe("Bij Bakkerij Jansen B.V.");
    expect(endSentence("Bij Van Dijk Bouw")).toBe("Bij Van Dijk Bouw.");
    expect(endSentence("Echt waar? ")).toBe("Echt waar?");
  });

  it("gives up the value's full stop only when the template's text starts with one", () => {
    expect(joinAtFullStop("Jansen B.V.", ". Kies")).toBe("Jansen B.V");
    expect(joinAtFullStop("Jansen B.V.", " heeft")).toBe("Jansen B.V.");
    expect(joinAtFullStop("Jansen", ".")).toBe("Jansen");
  });
});
