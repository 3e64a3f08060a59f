// Parsing, validating and filling mail templates. Pure and client-safe: the admin page's live
// preview and the senders run the same code. A template is validated when it is saved, so filling
// it at sending time cannot fail; a stored text that does not validate (edited outside Loket)
// gives way to the built-in text rather than a broken mail.
import { DEFAULT_BRAND_NAME } from "@/lib/brand/rules";
import { joinAtFullStop } from "@/lib/util/sentence";
import { templateDef, type TemplateKey, type TemplateLocale, type TemplateValues } from "./registry";

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5000;

export type TemplateProblemCode =
  | "TEMPLATE_UNKNOWN_PLACEHOLDER"
  | "TEMPLATE_MISSING_PLACEHOLDER"
  | "TEMPLATE_SYNTAX"
  | "TEMPLATE_EMPTY"
  | "TEMPLATE_TOO_LONG";

export interface TemplateProblem {
  code: TemplateProblemCode;
  field: "subject" | "body";
  /** The placeholder concerned (unknown or missing), or the text near a syntax error. */
  placeholder?: string;
}

type Part = { text: string } | { name: string };

const NAME = /^[a-z][a-z0-9_]*$/;

/** Splits a text into literal parts and {placeholder}s; null where a brace is out of place. */
export function parseTemplate(text: string): { parts: Part[] } | { error: string } {
  const parts: Part[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    const close = text.indexOf("}", i);
    if (close !== -1 && (open === -1 || close < open)) return { error: text.slice(Math.max(0, close - 10), close + 1) };
    if (open === -1) {
      parts.push({ text: text.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: text.slice(i, open) });
    const end = text.indexOf("}", open);
    const inner = end === -1 ? null : text.slice(open + 1, end);
    if (inner === null || !NAME.test(inner)) return { error: text.slice(open, end === -1 ? open + 12 : end + 1) };
    parts.push({ name: inner });
    i = end + 1;
  }
  return { parts };
}

/** Every reason a subject and body cannot be saved for this key; empty when it may be. */
export function validateTemplate(key: TemplateKey, input: { subject: string; body: string }): TemplateProblem[] {
  const def = templateDef(key);
  const allowed = new Set(def.placeholders.map((ph) => ph.name));
  const problems: TemplateProblem[] = [];
  const used = new Set<string>();
  let bodyParsed = false;
  for (const field of ["subject", "body"] as const) {
    const text = input[field];
    if (text.trim() === "") {
      problems.push({ code: "TEMPLATE_EMPTY", field });
      continue;
    }
    if (text.length > (field === "subject" ? SUBJECT_MAX : BODY_MAX)) problems.push({ code: "TEMPLATE_TOO_LONG", field });
    // A line break in a subject would end the mail header: never allowed there.
    if (field === "subject" && /[\r\n]/.test(text)) problems.push({ code: "TEMPLATE_SYNTAX", field, placeholder: "\\n" });
    const parsed = parseTemplate(text);
    if ("error" in parsed) {
      problems.push({ code: "TEMPLATE_SYNTAX", field, placeholder: parsed.error });
      continue;
    }
    if (field === "body") bodyParsed = true;
    for (const part of parsed.parts) {
      if (!("name" in part)) continue;
      if (!allowed.has(part.name)) problems.push({ code: "TEMPLATE_UNKNOWN_PLACEHOLDER", field, placeholder: part.name });
      else if (field === "body") used.add(part.name);
    }
  }
  // Required placeholders belong in the body: a link in a subject line is not clickable. A body that
  // does not parse is refused for that first.
  if (bodyParsed) {
    for (const ph of def.placeholders) if (ph.required && !used.has(ph.name)) problems.push({ code: "TEMPLATE_MISSING_PLACEHOLDER", field: "body", placeholder: ph.name });
  }
  return problems;
}

/** Fills a text known to parse; a part that does not parse is left as written. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  const parsed = parseTemplate(text);
  if ("error" in parsed) return text;
  return parsed.parts
    .map((part, i) => {
      if (!("name" in part)) return part.text;
      const value = Object.prototype.hasOwnProperty.call(values, part.name) ? (values[part.name] as string) : "";
      // "{organisatie}." with "Bakkerij Jansen B.V." ends in one full stop, not "B.V..".
      const next = parsed.parts[i + 1];
      return next && "text" in next ? joinAtFullStop(value, next.text) : value;
    })
    .join("");
}

export interface RenderedMail {
  subject: string;
  text: string;
}

/**
 * The mail of `key` in `locale` with `values` filled in: the admin's text when given and valid,
 * else the built-in one. Never throws. A ticket's mail starts its subject with "[number] ".
 */
export function renderTemplate<K extends TemplateKey>(
  key: K,
  locale: TemplateLocale,
  values: TemplateValues<K>,
  override?: { subject: string; body: string } | null,
): RenderedMail {
  const def = templateDef(key);
  const source = override && validateTemplate(key, override).length === 0 ? override : def.defaults[locale === "en" ? "en" : "nl"];
  // {afzender} is the brand's name, filled by mailText; without it, the product's own name.
  const all: Record<string, string> = { afzender: DEFAULT_BRAND_NAME, ...(values as Record<string, string>) };
  // Filled values are not parsed again, so a subject typed by a customer cannot smuggle in a placeholder.
  const subject = fill(source.subject, all).replace(/[\r\n]+/g, " ").trim();
  const number = all.registratienummer;
  return {
    subject: def.threaded && number ? `[${number}] ${subject}` : subject,
    text: fill(source.body, all).trim(),
  };
}


/**
 * The admin page's live preview: the draft filled with the sample values as it would go out, plus
 * what keeps it from being saved. Unlike renderTemplate it shows the draft even when it is refused.
 */
export function previewTemplate(key: TemplateKey, draft: { subject: string; body: string }, samples: Readonly<Record<string, string>>): { mail: RenderedMail; problems: TemplateProblem[] } {
  const def = templateDef(key);
  const subject = fill(draft.subject, samples).replace(/[\r\n]+/g, " ").trim();
  const number = samples.registratienummer;
  return {
    mail: { subject: def.threaded && number ? `[${number}] ${subject}` : subject, text: fill(draft.body, samples).trim() },
    problems: validateTemplate(key, draft),
  };
}
