// Reading an uploaded CSV: the usual exports of a benefit administration are `;`-separated (Excel
// in a Dutch locale) or `,`-separated, UTF-8 with or without a byte-order mark, with quoted fields.
import { parse } from "csv-parse/sync";
import type { CsvLine } from "./rules";

export type ParsedCsv = { ok: true; header: string[]; headerLine: number; lines: CsvLine[] } | { ok: false; reason: "EMPTY_FILE" | "MALFORMED_CSV"; line: number };

/** `;` or `,` (or a tab): whichever occurs most in the first line outside quotes; `;` on a tie. */
export function sniffDelimiter(content: string): string {
  const counts = new Map<string, number>([[";", 0], [",", 0], ["\t", 0]]);
  let quoted = false;
  for (const char of content.replace(/^\uFEFF/, "")) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ";";
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

export function parseCsv(content: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      bom: true,
      delimiter: sniffDelimiter(content),
      info: true,
      relax_column_count: true,
      relax_quotes: false,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { ok: false, reason: "MALFORMED_CSV", line };
  }
  // csv-parse counts the line a record ends on; a quoted field may span lines, so step back over
  // its line breaks to the line the record starts on (the number a spreadsheet shows).
  const lines = records
    .map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0), cells: record }))
    .filter((l) => l.cells.some((cell) => cell.trim() !== ""));
  const [header, ...rows] = lines;
  if (!header || rows.length === 0) return { ok: false, reason: "EMPTY_FILE", line: header?.line ?? 1 };
  return { ok: true, header: header.cells, headerLine: header.line, lines: rows };
}
