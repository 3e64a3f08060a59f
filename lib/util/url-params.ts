// Reading the URL defensively: pages and routes must answer a hostile URL with their default view
// or a 4xx, never a 500.

/** The first value of a search parameter: Next gives `?q=a&q=b` to a page as an array. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A decoded path part, or null when its %-escapes are malformed (decodeURIComponent throws). */
export function decodePathParam(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
