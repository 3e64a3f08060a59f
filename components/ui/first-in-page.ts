/**
 * Of these elements, the one that comes first in the page. A refused form's field errors come in
 * the order its schema lists them, not the order its fields stand in ("Naar het eerste veld" went
 * to the letter's category, past its address), so the first bad field is found in the page.
 */
export function firstInPage<T extends Element>(elements: readonly (T | null | undefined)[]): T | null {
  let first: T | null = null;
  for (const element of elements) {
    if (element && (!first || first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING)) first = element;
  }
  return first;
}

/** The id, of these, whose element comes first in the page; before the page has them, the first id. */
export function firstIdInPage(ids: readonly string[]): string | undefined {
  if (typeof document === "undefined") return ids[0];
  return firstInPage(ids.map((id) => document.getElementById(id)))?.id ?? ids[0];
}
