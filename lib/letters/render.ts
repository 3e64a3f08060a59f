// A printable letter reply as one standalone HTML document. Pure: every value is escaped here.

export interface LetterContent {
  locale: "nl" | "en";
  number: string;
  subject: string;
  recipientName: string;
  organisationName: string | null;
  date: string;
  body: string;
  senderName: string;
}

const escape = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const TEXT = {
  nl: { title: "Brief", ref: "Ons kenmerk", subject: "Onderwerp", dear: "Geachte", regards: "Met vriendelijke groet,", print: "Afdrukken" },
  en: { title: "Letter", ref: "Our reference", subject: "Subject", dear: "Dear", regards: "Kind regards,", print: "Print" },
} as const;

export function renderLetterHtml(letter: LetterContent): string {
  const t = TEXT[letter.locale];
  const paragraphs = letter.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html>
<html lang="${letter.locale}">
<head>
<meta charset="utf-8">
<title>${t.title} ${escape(letter.number)}</title>
<style>
  @page { size: A4; margin: 25mm 20mm; }
  body { font-family: Georgia, "Times New Roman", serif; color: #111; max-width: 170mm; margin: 2rem auto; line-height: 1.5; }
  header { display: flex; justify-content: space-between; margin-bottom: 3rem; }
  .brand { font-family: Arial, sans-serif; font-weight: bold; color: #115467; font-size: 1.4rem; }
  dl { display: grid; grid-template-columns: 9rem 1fr; margin: 2rem 0; }
  dt { color: #444; }
  button { font: inherit; padding: .4rem 1rem; }
  @media print { .no-print { display: none; } body { margin: 0; } }
</style>
</head>
<body>
<p class="no-print"><button type="button" onclick="window.print()">${t.print}</button></p>
<header><span class="brand">Loket</span><span>${escape(letter.date)}</span></header>
<address>${escape(letter.recipientName)}${letter.organisationName ? `<br>${escape(letter.organisationName)}` : ""}</address>
<dl><dt>${t.ref}</dt><dd>${escape(letter.number)}</dd><dt>${t.subject}</dt><dd>${escape(letter.subject)}</dd></dl>
<p>${t.dear} ${escape(letter.recipientName)},</p>
${paragraphs}
<p>${t.regards}<br><br>${escape(letter.senderName)}<br>Loket</p>
</body>
</html>`;
}
