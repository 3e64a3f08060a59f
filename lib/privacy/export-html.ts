// The readable, printable version of a person's data export: one self-contained HTML page (no
// scripts, styles inline), in the admin's language. Every value passes through escapeHtml, so a
// message body holding markup shows as text.
import { formatShortDateTime } from "@/lib/calendar/format";
import type { PersonData } from "./export";

export interface PersonExportLabels {
  locale: "nl" | "en";
  title: string;
  intro: string;
  print: string;
  none: string;
  sections: Record<SectionKey, string>;
  fields: { messages: string; attachments: string; attempts: string; answers: string };
  /** Each field's name for a reader ("postalStreet": "Straat en huisnummer"); a field without one shows as stored. */
  names?: Readonly<Record<string, string>>;
  /** What a stored code means ("BENEFICIARY", "STAGE_2", an audit action such as "privacy.export"). */
  values?: Readonly<Record<string, string>>;
}

export type SectionKey =
  | "account"
  | "memberships"
  | "teams"
  | "tickets"
  | "messagesElsewhere"
  | "calls"
  | "appointments"
  | "contactNotes"
  | "complaints"
  | "escalations"
  | "satisfaction"
  | "notifications"
  | "notificationPreferences"
  | "emailChanges"
  | "invitations"
  | "auditEvents";

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A value as a reader sees it, and (`field`) the name of the field it is in. */
type Format = ((value: unknown) => string) & { field: (key: string) => string };

// A stored code: an enum value (BENEFICIARY, STAGE_2) or an audit action (privacy.export).
const CODE = /^(?:[A-Z][A-Z0-9_]+|[a-z_]+(?:\.[a-z_]+)+)$/;

function formatter(locale: "nl" | "en", values: Readonly<Record<string, string>> = {}, names: Readonly<Record<string, string>> = {}): Format {
  const format = (value: unknown): string => {
    if (value === null || value === undefined) return "—";
    if (value instanceof Date) return formatShortDateTime(value, locale);
    if (typeof value === "boolean") return locale === "en" ? (value ? "yes" : "no") : value ? "ja" : "nee";
    if (Array.isArray(value)) return value.map(format).join(", ");
    if (typeof value === "object") {
      const o = value as Record<string, unknown>;
      // A related record reads as its name in the reader's language, its name or its number.
      const own = locale === "en" ? o.nameEn : o.nameNl;
      if (typeof own === "string") return own;
      for (const key of ["number", "name", "key"]) if (typeof o[key] === "string") return o[key] as string;
      return JSON.stringify(value);
    }
    if (typeof value === "string" && CODE.test(value)) return values[value] ?? value;
    return String(value);
  };
  return Object.assign(format, { field: (key: string) => names[key] ?? key });
}

const e = escapeHtml;

function definitionList(record: Record<string, unknown>, format: Format): string {
  return `<dl>${Object.entries(record)
    .map(([key, value]) => `<dt>${e(format.field(key))}</dt><dd>${e(format(value))}</dd>`)
    .join("")}</dl>`;
}

function table(rows: Record<string, unknown>[], format: Format, none: string, skip: string[] = []): string {
  if (rows.length === 0) return `<p class="none">${e(none)}</p>`;
  const keys = Object.keys(rows[0]!).filter((k) => !skip.includes(k));
  const head = keys.map((k) => `<th scope="col">${e(format.field(k))}</th>`).join("");
  const body = rows.map((row) => `<tr>${keys.map((k) => `<td>${e(format(row[k]))}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function tickets(data: PersonData, labels: PersonExportLabels, format: Format): string {
  if (data.tickets.length === 0) return `<p class="none">${e(labels.none)}</p>`;
  return data.tickets
    .map((ticket) => {
      const { messages, ...fields } = ticket;
      const list = messages
        .map((m) => {
          const files = m.attachments.length
            ? `<p class="meta">${e(labels.fields.attachments)}: ${m.attachments.map((a) => `${e(a.fileName)} (${e(a.mimeType)}, ${a.size} B)`).join("; ")}</p>`
            : "";
          return `<li><p class="meta">${e(format(m.createdAt))} · ${e(format(m.direction))} · ${e(format(m.channel))} · ${e(format(m.author))}</p><pre>${e(m.body)}</pre>${files}</li>`;
        })
        .join("");
      return `<article><h3>${e(ticket.number)}: ${e(ticket.subject)}</h3>${definitionList(fields, format)}<h4>${e(labels.fields.messages)}</h4><ol>${list}</ol></article>`;
    })
    .join("");
}

function appointments(data: PersonData, labels: PersonExportLabels, format: Format): string {
  if (data.appointments.length === 0) return `<p class="none">${e(labels.none)}</p>`;
  return data.appointments
    .map((a) => {
      const { attempts, ...fields } = a;
      return `<article>${definitionList(fields, format)}<h4>${e(labels.fields.attempts)}</h4>${table(attempts, format, labels.none)}</article>`;
    })
    .join("");
}

function escalations(data: PersonData, labels: PersonExportLabels, format: Format): string {
  if (data.escalations.length === 0) return `<p class="none">${e(labels.none)}</p>`;
  return data.escalations
    .map((escalation) => {
      const { answers, ...fields } = escalation;
      const list = answers.map((a) => `<li><p class="meta">${e(format(a.createdAt))} · ${e(format(a.author))}</p><pre>${e(a.body)}</pre></li>`).join("");
      return `<article>${definitionList(fields, format)}<h4>${e(labels.fields.answers)}</h4>${list ? `<ol>${list}</ol>` : `<p class="none">${e(labels.none)}</p>`}</article>`;
    })
    .join("");
}

const STYLE = `
body{font-family:system-ui,sans-serif;color:#0f172a;margin:2rem;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #cbd5e1}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #cbd5e1;padding:.25rem .4rem;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f1f5f9}dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;font-size:.9rem}dt{font-weight:600}dd{margin:0;word-break:break-word}
pre{white-space:pre-wrap;font-family:inherit;background:#f8fafc;padding:.5rem;border:1px solid #e2e8f0}
.meta,.none{color:#475569;font-size:.85rem}article{margin-bottom:1.5rem}
@media print{body{margin:0}h2{break-after:avoid}article{break-inside:avoid}}`;

export function renderPersonDataHtml(data: PersonData, labels: PersonExportLabels): string {
  const format = formatter(labels.locale, labels.values, labels.names);
  const s = labels.sections;
  const section = (key: SectionKey, content: string) => `<section id="${key}"><h2>${e(s[key])}</h2>${content}</section>`;
  const rows = (key: Exclude<SectionKey, "account" | "tickets" | "appointments" | "escalations">) => table(data[key] as unknown as Record<string, unknown>[], format, labels.none);
  const body = [
    section("account", definitionList(data.account, format)),
    section("memberships", rows("memberships")),
    section("teams", rows("teams")),
    section("tickets", tickets(data, labels, format)),
    section("messagesElsewhere", rows("messagesElsewhere")),
    section("calls", rows("calls")),
    section("appointments", appointments(data, labels, format)),
    section("contactNotes", rows("contactNotes")),
    section("complaints", rows("complaints")),
    section("escalations", escalations(data, labels, format)),
    section("satisfaction", rows("satisfaction")),
    section("notifications", rows("notifications")),
    section("notificationPreferences", rows("notificationPreferences")),
    section("emailChanges", rows("emailChanges")),
    section("invitations", rows("invitations")),
    section("auditEvents", rows("auditEvents")),
  ].join("\n");
  return `<!doctype html>
<html lang="${labels.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${e(labels.title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${e(labels.title)}</h1>
<p>${e(labels.intro)}</p>
<p class="meta">${e(labels.print)} · schemaVersion ${data.schemaVersion}</p>
${body}
</main></body>
</html>
`;
}
