// Reading an uploaded CSV: the usual exports of a benefit administration are `;`-separated (Excel
// in a Dutch locale) or `,`-separated, UTF-8 with or without a byte-order mark, with quoted fields.
import { parse as parseStream } from "csv-parse";
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

const OPTIONS = { bom: true, info: true, relax_column_count: true, relax_quotes: false, skip_empty_lines: true } as const;
type RawRecord = { record: string[]; info: { lines: number } };

function malformed(error: unknown): ParsedCsv {
  const line = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
  return { ok: false, reason: "MALFORMED_CSV", line };
}

export function parseCsv(content: string): ParsedCsv {
  try {
    return linesOf(parse(content, { ...OPTIONS, delimiter: sniffDelimiter(content) }) as unknown as RawRecord[]);
  } catch (error) {
    return malformed(error);
  }
}

/**
 * The same as parseCsv, fed in slices with a turn of the event loop between them: a 25 MB file
 * takes seconds to parse, and the web process that starts an import must keep answering meanwhile.
 */
export async function parseCsvInSteps(content: string, sliceChars = 256 * 1024): Promise<ParsedCsv> {
  const records: RawRecord[] = [];
  const parser = parseStream({ ...OPTIONS, delimiter: sniffDelimiter(content) });
  let failure: unknown = null;
  parser.on("data", (record: RawRecord) => records.push(record));
  const ended = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (error) => {
      failure = error;
      resolve();
    });
  });
  for (let at = 0; at < content.length && !failure; at += sliceChars) {
    parser.write(content.slice(at, at + sliceChars));
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!failure) parser.end();
  await ended;
  return failure ? malformed(failure) : linesOf(records);
}

function linesOf(records: RawRecord[]): ParsedCsv {
  // csv-parse counts the line a record ends on; a quoted field may span lines, so step back over
  // its line breaks to the line the record starts on (the number a spreadsheet shows).
  const lines = records
    .map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0), cells: record }))
    .filter((l) => l.cells.some((cell) => cell.trim() !== ""));
  const [header, ...rows] = lines;
  if (!header || rows.length === 0) return { ok: false, reason: "EMPTY_FILE", line: header?.line ?? 1 };
  return { ok: true, header: header.cells, headerLine: header.line, lines: rows };
}
