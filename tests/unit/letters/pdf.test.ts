import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { printable, renderLetterPdf, wrap, type LetterContent } from "@/lib/letters/pdf";
import { pdfPages } from "../../support/pdf-text";

const letter: LetterContent = {
  locale: "nl",
  number: "LK-2026-000123",
  subject: "Uw vraag over de uitkering van oktober",
  recipientName: "Anna Jansen",
  organisationName: null,
  date: "24 november 2026",
  writtenAt: new Date("2026-11-24T09:30:00Z"),
  body: "Wij hebben uw vraag ontvangen.\n\nDe betaling volgt op 1 december.\nMet deze brief bevestigen wij dat.",
  senderName: "Bas Behandelaar",
};

describe("the letter reply as a PDF", () => {
  it("is an A4 PDF with the address, reference, date, subject, body and signature in reading order", async () => {
    const bytes = await renderLetterPdf(letter);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe("Brief LK-2026-000123");
    const [lines] = await pdfPages(bytes);
    const expected = ["Loket", "Anna Jansen", "Ons kenmerk", "LK-2026-000123", "24 november 2026", "Uw vraag over de uitkering van oktober",
      "Geachte Anna Jansen,", "Wij hebben uw vraag ontvangen.", "De betaling volgt op 1 december.", "Met deze brief bevestigen wij dat.",
      "Met vriendelijke groet,", "Bas Behandelaar", "Ons kenmerk LK-2026-000123 · pagina 1 van 1"];
    const positions = expected.map((text) => lines!.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("writes English for an English-speaking recipient and the organisation under the name", async () => {
    const [lines] = await pdfPages(await renderLetterPdf({ ...letter, locale: "en", organisationName: "Bakkerij Van Dijk B.V." }));
    expect(lines).toEqual(expect.arrayContaining(["Dear Anna Jansen,", "Kind regards,", "Our reference", "Bakkerij Van Dijk B.V."]));
    expect(lines!.indexOf("Bakkerij Van Dijk B.V.")).toBe(lines!.indexOf("Anna Jansen") + 1);
  });

  it("continues a long reply on further pages, each with the reference and page number", async () => {
    const body = Array.from({ length: 40 }, (_, i) => `Alinea ${i + 1}: ${"een regel tekst die de breedte van de pagina vult ".repeat(4)}`).join("\n\n");
    const pages = await pdfPages(await renderLetterPdf({ ...letter, body }));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((lines, i) => expect(lines).toContain(`Ons kenmerk LK-2026-000123 · pagina ${i + 1} van ${pages.length}`));
    expect(pages.flat().filter((l) => /^Alinea \d+:/.test(l))).toHaveLength(40);
    expect(pages.at(-1)).toContain("Bas Behandelaar");
  });

  it("draws names outside the PDF character set folded, never failing the letter", async () => {
    const [lines] = await pdfPages(await renderLetterPdf({ ...letter, recipientName: "Łukasz Wiśniewski", body: "Zie de bijlage 📎 en Ærø." }));
    expect(lines).toContain("Lukasz Wisniewski");
    expect(lines).toContain("Zie de bijlage ? en Ærø.");
  });

  it("gives the same bytes for the same letter (dated by when it was written, not when printed)", async () => {
    expect(Buffer.from(await renderLetterPdf(letter)).equals(Buffer.from(await renderLetterPdf(letter)))).toBe(true);
  });
});

describe("line breaking", () => {
  const fits = (max: number) => (line: string) => line.length <= max;
  it("breaks between words and keeps hard line breaks", () => {
    expect(wrap("een twee drie vier\nvijf", fits(9))).toEqual(["een twee", "drie vier", "vijf"]);
  });
  it("cuts a word longer than a line", () => {
    expect(wrap("https://example.org/heel/lang", fits(10))).toEqual(["https://ex", "ample.org/", "heel/lang"]);
  });
  it("keeps an empty line as a blank line", () => {
    expect(wrap("a\n\nb", fits(5))).toEqual(["a", "", "b"]);
  });
});

describe("printable text", () => {
  const latin = new Set(Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i).concat([0xe9, 0xeb]));
  it("keeps what the font has, folds accents it lacks and marks the rest", () => {
    expect(printable("Café Zoë Dvořák 😀", latin)).toBe("Café Zoë Dvorak ?");
  });
  it("drops control characters and turns tabs into spaces", () => {
    expect(printable("a\tb\u0007c\r", latin)).toBe("a    bc");
  });
});
