import { describe, expect, it } from "vitest";
import { brandInputSchema } from "@/lib/brand/schema";
import { brandCssVariables, brandPalette, checkLogo, contrastRatio, DEFAULT_BRAND, LOGO_MAX_BYTES, shownRatio } from "@/lib/brand/rules";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const valid = { name: "Pensioenfonds Noord", primaryColor: "#1d4ed8" };
const codes = (input: unknown) => {
  const parsed = brandInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the contrast of a brand colour with white text", () => {
  it("computes WCAG ratios: black and white 21:1, a colour with itself 1:1, the known grey #767676 just over 4.5:1", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d4ed8", "#1d4ed8")).toBe(1);
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    // Order does not matter.
    expect(contrastRatio("#ffffff", "#115467")).toBe(contrastRatio("#115467", "#ffffff"));
  });

  it("shows a ratio just under the limit rounded down, never as the limit itself", () => {
    expect(shownRatio(4.49)).toBe(4.4);
    expect(shownRatio(4.5)).toBe(4.5);
  });

  it("accepts Loket's own colour and a dark blue; refuses yellow and a light grey with the contrast reason", () => {
    expect(codes({ ...valid, primaryColor: "#115467" })).toEqual([]);
    expect(codes(valid)).toEqual([]);
    expect(codes({ ...valid, primaryColor: "#facc15" })).toEqual(["primaryColor:COLOUR_CONTRAST"]);
    expect(codes({ ...valid, primaryColor: "#777777" })).toEqual(["primaryColor:COLOUR_CONTRAST"]);
    expect(codes({ ...valid, secondaryColor: "#fde68a" })).toEqual(["secondaryColor:COLOUR_CONTRAST"]);
  });

  it("takes #RRGGBB in any case and refuses other notations", () => {
    const parsed = brandInputSchema.parse({ ...valid, primaryColor: " #1D4ED8 " });
    expect(parsed.primaryColor).toBe("#1d4ed8");
    for (const bad of ["1d4ed8", "#14d", "#1d4ed8ff", "blue", "rgb(0,0,0)", "#gggggg"]) {
      expect(codes({ ...valid, primaryColor: bad })).toEqual(["primaryColor:COLOUR_FORMAT"]);
    }
  });
});

describe("the organisation's name", () => {
  it("is 2 to 80 characters after trimming, without control characters", () => {
    expect(codes({ ...valid, name: " A " })).toEqual(["name:NAME_TOO_SHORT"]);
    expect(codes({ ...valid, name: "AB" })).toEqual([]);
    expect(codes({ ...valid, name: "x".repeat(80) })).toEqual([]);
    expect(codes({ ...valid, name: "x".repeat(81) })).toEqual(["name:NAME_TOO_LONG"]);
    expect(codes({ ...valid, name: "Fonds\r\nBcc: iemand@example.org" })).toEqual(["name:NAME_CONTROL"]);
  });
});

describe("the logo", () => {
  it("takes PNG and JPEG by their bytes and refuses SVG, PDF, an empty file and anything over 500 KB", () => {
    expect(checkLogo(PNG)).toEqual({ ok: true, mime: "image/png" });
    expect(checkLogo(JPEG)).toEqual({ ok: true, mime: "image/jpeg" });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(checkLogo(svg)).toEqual({ ok: false, reason: "LOGO_TYPE_NOT_ALLOWED" });
    expect(checkLogo(new TextEncoder().encode("%PDF-1.7"))).toEqual({ ok: false, reason: "LOGO_TYPE_NOT_ALLOWED" });
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, reason: "LOGO_TYPE_NOT_ALLOWED" });
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG);
    expect(checkLogo(big)).toEqual({ ok: false, reason: "LOGO_TOO_LARGE" });
    expect(checkLogo(big.subarray(0, LOGO_MAX_BYTES))).toEqual({ ok: true, mime: "image/png" });
  });
});

describe("the palette the pages use", () => {
  it("is left alone while nothing was set", () => {
    expect(brandCssVariables(DEFAULT_BRAND)).toBeUndefined();
  });

  it("keeps every pairing the pages use readable, for any colour the form accepts", () => {
    // Colours right at the limit are where derived shades would fail first.
    for (const primaryColor of ["#1d4ed8", "#767676", "#b91c1c", "#0f766e", "#000000", "#6b21a8"]) {
      for (const secondaryColor of [null, "#000000", "#767676"]) {
        const p = brandPalette({ primaryColor, secondaryColor });
        const pairs: [string, string][] = [["#ffffff", p["600"]], ["#ffffff", p["700"]], ["#ffffff", p["800"]], [p["700"], p["50"]], [p["100"], p["700"]], [p["100"], p["800"]]];
        for (const [a, b] of pairs) expect(contrastRatio(a, b), `${primaryColor}/${secondaryColor}: ${a} on ${b}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(brandCssVariables({ ...DEFAULT_BRAND, primaryColor: "#1d4ed8", custom: true })).toMatchObject({ "--color-brand-700": "#1d4ed8" });
  });
});

describe("a mail in the organisation's style", () => {
  it("names the organisation in the footer and header, escaped in HTML and literal in text", async () => {
    const { renderMail } = await import("@/lib/mail/render");
    const mail = renderMail({ text: "Hallo.", locale: "en", kind: "ticket.reply", brand: { name: "Fonds $& <Noord>", primaryColor: "#1d4ed8" } });
    expect(mail.text).toContain("This message comes from Fonds $& <Noord>.");
    expect(mail.html).toContain("Fonds $&amp; &lt;Noord&gt;");
    expect(mail.html).not.toContain("<Noord>");
    // A colour that is not #rrggbb never reaches the style attribute.
    const odd = renderMail({ text: "Hallo.", locale: "nl", kind: "ticket.reply", brand: { name: "Fonds", primaryColor: "red;background-image:url(x)" } });
    expect(odd.html).toContain("background:#115467;");
    expect(odd.html).not.toContain("url(x)");
  });
});
