// The one CSV writer of every export, made for Dutch Excel: it reads "," as the decimal comma
// and ";" as the list separator, and needs a byte-order mark to read UTF-8 accents right.
// RFC 4180 otherwise: CRLF line ends, a cell with a quote, separator or line break is quoted and
// its quotes doubled. A text cell a spreadsheet would run as a formula is neutralised. Pure.

export type CsvValue = string | number | null | undefined;

export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/**
 * Text starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before
 * one of those) can run as a formula when opened (OWASP: CSV injection); a leading apostrophe
 * makes it text. Numbers are written by us, never neutralised: -3 stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/** A number with at most four decimals and a decimal comma, no thousands separator: 0,85 / 12,5 / -3. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  const rounded = Math.round(value * 10_000) / 10_000;
  // toFixed never switches to exponent notation for the numbers a report holds (below 1e21).
  const text = Object.is(rounded, -0) ? "0" : rounded.toFixed(4).replace(/\.?0+$/, "");
  return text.replace(".", ",");
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return csvNumber(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF included: for exports that stream line by line. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}

/** A whole file: the byte-order mark, the header line and one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map(csvLine).join("");
}

/** The response headers of a CSV download named `fileName` (ASCII: dates, codes, dashes). */
export function csvHeaders(fileName: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "Content-Type": CSV_CONTENT_TYPE,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
    ...extra,
  };
}
