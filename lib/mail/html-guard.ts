// sanitize-html's work grows with the square of the nesting depth (40,000 nested <div>s took
// about 13 seconds), and the HTML part of an inbound mail is whatever its sender wrote. A mail
// nested deeper than any real one is kept as plain text instead.
import type { WorkMeter } from "@/lib/util/work-meter";

/** Far deeper than real mail (clients nest tens of levels), shallow enough to sanitise at once. */
export const MAX_MAIL_HTML_DEPTH = 256;

// Elements that never hold others, so never deepen the nesting.
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/**
 * Whether the HTML opens more than `limit` elements inside one another: one pass, counting opening
 * tags up and closing tags down. It over-counts elements left open (a <p> without </p>), which
 * only turns an unusual mail into plain text; it never under-counts real nesting.
 */
export function nestsDeeperThan(html: string, limit: number, meter?: WorkMeter): boolean {
  let depth = 0;
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    const closing = html[i + 1] === "/";
    let end = i + (closing ? 2 : 1);
    while (end < html.length && end - i < 12 && /[a-zA-Z0-9]/.test(html[end]!)) end += 1;
    if (meter) meter.steps += end - i;
    const name = html.slice(i + (closing ? 2 : 1), end).toLowerCase();
    if (!/^[a-z]/.test(name)) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!VOID.has(name) && ++depth > limit) return true;
  }
  return false;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** The text of the HTML as one escaped paragraph; the tag pattern stops at the next "<", so linear. */
export function htmlAsPlainText(html: string): string {
  const text = html.replace(/<[^<>]*>/g, " ").replace(/\s+/g, " ").trim();
  return `<p>${text.replace(/[&<>"]/g, (c) => ESCAPES[c]!)}</p>`;
}
