// A field error travels as a code, optionally carrying the limit it refers to ("TOO_LONG:10000"),
// so the page can say the limit in its own language and number format instead of the schema
// hard-coding a sentence. Plain codes ("REQUIRED") pass through unchanged.

export type ErrorCode = { code: string; limit?: number };

export function parseErrorCode(raw: string): ErrorCode {
  const colon = raw.indexOf(":");
  if (colon < 0) return { code: raw };
  const limit = Number(raw.slice(colon + 1));
  return Number.isFinite(limit) ? { code: raw.slice(0, colon), limit } : { code: raw };
}

export function errorCode(code: string, limit: number): string {
  return `${code}:${limit}`;
}

// "10.000" on a Dutch page, "10,000" on an English one.
export function formatLimit(limit: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { useGrouping: true }).format(limit);
}
