// A letter reply as an A4 PDF, ready to print and post in a Dutch window envelope. Pure: content
// in, bytes out. The standard PDF fonts need no font files (no network, nothing to ship), at the
// price of the WinAnsi character set; characters outside it are folded or shown as "?".
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { addressBlock, letterBody, type PostalAddress } from "./rules";

export interface LetterContent {
  locale: "nl" | "en";
  number: string;
  subject: string;
  recipientName: string;
  organisationName: string | null;
  /** Printed in the envelope window under the name; null when none is known. */
  address?: PostalAddress | null;
  /** The day the letter is dated, already formatted for the letter's locale. */
  date: string;
  /** When the reply was written: the PDF's creation date, so the same letter gives the same bytes. */
  writtenAt: Date;
  body: string;
  senderName: string;
  /** File names sent with the reply, listed under the signature ("Bijlagen") so the post room encloses them. */
  enclosures?: string[];
  /** The organisation's house style (lib/brand); Loket's own without one. */
  brand?: LetterBrand;
}

export interface LetterBrand {
  name: string;
  primaryColor: string;
  logo?: { mime: "image/png" | "image/jpeg"; bytes: Uint8Array } | null;
}

const TEXT = {
  nl: { title: "Brief", ref: "Ons kenmerk", date: "Datum", subject: "Onderwerp", dear: "Geachte", regards: "Met vriendelijke groet,", enclosures: "Bijlagen:", page: (n: number, of: number) => `pagina ${n} van ${of}` },
  en: { title: "Letter", ref: "Our reference", date: "Date", subject: "Subject", dear: "Dear", regards: "Kind regards,", enclosures: "Enclosures:", page: (n: number, of: number) => `page ${n} of ${of}` },
} as const;

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];
const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const TOP = 20 * MM;
const BOTTOM = 25 * MM;
const WIDTH = A4[0] - LEFT - RIGHT;
// NEN 1026 window envelopes show the address about 50 mm from the top, 22 mm from the left.
const ADDRESS_TOP = 50 * MM;
const ADDRESS_LEFT = 22 * MM;
const REFERENCE_TOP = 95 * MM;
const BODY_SIZE = 10.5;
const LEADING = 15;
const LOKET: LetterBrand = { name: "Loket", primaryColor: "#115467" };
const LOGO_MAX_HEIGHT = 18 * MM;
const LOGO_MAX_WIDTH = 70 * MM;

function colourOf(hex: string) {
  const ok = /^#[0-9a-f]{6}$/.test(hex) ? hex : LOKET.primaryColor;
  return rgb(parseInt(ok.slice(1, 3), 16) / 255, parseInt(ok.slice(3, 5), 16) / 255, parseInt(ok.slice(5, 7), 16) / 255);
}
const GREY = rgb(0.33, 0.33, 0.33);

// Letters WinAnsi lacks that have no Unicode decomposition to fold through.
const FOLD: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", ı: "i", Ħ: "H", ħ: "h", "\u2010": "-", "\u2212": "-" };

/** Text the font can draw: unsupported characters folded to a base letter, else "?". */
export function printable(text: string, supported: ReadonlySet<number>): string {
  let out = "";
  for (const char of text.normalize("NFC").replace(/\t/g, "    ").replace(/[\r\u0000-\u0009\u000b-\u001f]/g, "")) {
    const code = char.codePointAt(0)!;
    if (char === "\n" || supported.has(code)) {
      out += char;
      continue;
    }
    const folded = FOLD[char] ?? char.normalize("NFKD").replace(/\p{M}/gu, "");
    out += folded && [...folded].every((c) => supported.has(c.codePointAt(0)!)) ? folded : "?";
  }
  return out;
}

/**
 * Greedy line breaking by measured width; a word longer than a line (a URL) is cut by characters.
 * Linear in the text: every word is measured once with its line, and an overlong word is cut by
 * probing slices at most about two lines long, never the whole remaining word (measuring the rest
 * of a 20,000-character word per cut froze the server).
 */
export function wrap(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const hardLine of text.split("\n")) {
    let line = "";
    for (const word of hardLine.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      const pieces = cutWord(word, fits);
      line = pieces.pop()!;
      lines.push(...pieces);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Cuts a word into the longest pieces that fit, left to right; the last piece is where the line
 * continues. Widths grow with length, so the longest fitting piece is found by doubling the probe
 * and then bisecting: O(log line) measurements of at most two lines' length per piece. A piece holds
 * at least one character, even one wider than the line, so the loop always advances.
 */
function cutWord(word: string, fits: (line: string) => boolean): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (;;) {
    let good = start + 1;
    let bad = -1;
    for (let step = 1; good < word.length; step *= 2) {
      const probe = Math.min(word.length, good + step);
      if (!fits(word.slice(start, probe))) {
        bad = probe;
        break;
      }
      good = probe;
    }
    if (bad === -1) {
      pieces.push(word.slice(start));
      return pieces;
    }
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      if (fits(word.slice(start, middle))) good = middle;
      else bad = middle;
    }
    pieces.push(word.slice(start, good));
    start = good;
  }
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  supported: ReadonlySet<number>;
}

/** Writes lines top-down, starting a new page when the bottom margin is reached. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(private readonly doc: PDFDocument, private readonly fonts: Fonts) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - TOP;
  }
  newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - TOP - LEADING;
  }
  line(text: string, options: { bold?: boolean; x?: number } = {}) {
    if (this.y < BOTTOM + LEADING) this.newPage();
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    if (text) this.page.drawText(text, { x: options.x ?? LEFT, y: this.y, size: BODY_SIZE, font });
    this.y -= LEADING;
  }
  paragraph(text: string) {
    const font = this.fonts.regular;
    for (const l of wrap(printable(text, this.fonts.supported), (s) => font.widthOfTextAtSize(s, BODY_SIZE) <= WIDTH)) this.line(l);
  }
}

/** The logo as a PDF image; a logo pdf-lib cannot read is left out rather than failing the letter. */
async function embedLogo(doc: PDFDocument, logo: NonNullable<LetterBrand["logo"]>) {
  try {
    return logo.mime === "image/png" ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    return null;
  }
}

/** The top of the first page: the logo (scaled to fit, never stretched) and the name beside it. */
async function drawLetterhead(doc: PDFDocument, page: PDFPage, brand: LetterBrand, name: string, bold: PDFFont) {
  let x = LEFT;
  const image = brand.logo ? await embedLogo(doc, brand.logo) : null;
  if (image) {
    const scale = Math.min(LOGO_MAX_HEIGHT / image.height, LOGO_MAX_WIDTH / image.width, 1);
    const size = { width: image.width * scale, height: image.height * scale };
    page.drawImage(image, { x, y: A4[1] - TOP - size.height, ...size });
    x += size.width + 4 * MM;
  }
  // A long name is made smaller to fit beside the logo, down to 11 pt.
  const room = A4[0] - RIGHT - x;
  const fontSize = Math.max(11, Math.min(20, (20 * room) / Math.max(1, bold.widthOfTextAtSize(name, 20))));
  page.drawText(name, { x, y: A4[1] - TOP - 14, size: fontSize, font: bold, color: colourOf(brand.primaryColor) });
}

export async function renderLetterPdf(letter: LetterContent): Promise<Uint8Array> {
  const t = TEXT[letter.locale];
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const fonts: Fonts = { regular, bold, supported: new Set(regular.getCharacterSet()) };
  const text = (value: string) => printable(value, fonts.supported).replace(/\n/g, " ");

  doc.setTitle(`${t.title} ${letter.number}`);
  doc.setSubject(text(letter.subject));
  const brand = letter.brand ?? LOKET;
  const brandName = text(brand.name);
  doc.setAuthor(brandName);
  doc.setCreator(brandName);
  doc.setProducer("Loket");
  doc.setLanguage(letter.locale === "nl" ? "nl-NL" : "en-GB");
  doc.setCreationDate(letter.writtenAt);
  doc.setModificationDate(letter.writtenAt);

  const w = new Writer(doc, fonts);
  await drawLetterhead(doc, w.page, brand, brandName, bold);

  w.y = A4[1] - ADDRESS_TOP;
  const block = addressBlock({ name: letter.recipientName, organisationName: letter.organisationName, address: letter.address ?? null });
  for (const l of block) w.line(text(l), { x: ADDRESS_LEFT });

  w.y = A4[1] - REFERENCE_TOP;
  const labelWidth = 32 * MM;
  for (const [label, value] of [[t.ref, letter.number], [t.date, letter.date], [t.subject, letter.subject]] as const) {
    w.page.drawText(label, { x: LEFT, y: w.y, size: BODY_SIZE, font: regular, color: GREY });
    const lines = wrap(text(value), (s) => bold.widthOfTextAtSize(s, BODY_SIZE) <= WIDTH - labelWidth);
    for (const l of lines) w.line(l, { bold: true, x: LEFT + labelWidth });
  }
  w.y -= LEADING;

  w.paragraph(`${t.dear} ${letter.recipientName},`);
  w.y -= LEADING / 2;
  // The template greets and signs; an own greeting or sign-off in the text is left out (rules.ts).
  for (const paragraph of letterBody(letter.body).text.split(/\n{2,}/)) {
    w.paragraph(paragraph);
    w.y -= LEADING / 2;
  }
  w.y -= LEADING / 2;
  w.line(t.regards);
  w.y -= LEADING;
  w.paragraph(letter.senderName);
  w.line(brandName);
  if (letter.enclosures?.length) {
    w.y -= LEADING;
    w.line(t.enclosures, { bold: true });
    for (const name of letter.enclosures) w.paragraph(`- ${name}`);
  }

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const footer = `${t.ref} ${text(letter.number)} · ${t.page(index + 1, pages.length)}`;
    page.drawText(footer, { x: LEFT, y: BOTTOM / 2, size: 8, font: regular, color: GREY });
  });
  return doc.save();
}
