// The frame around every outgoing mail: plain text as written, HTML derived from it (escaped), and
// a footer in the recipient's language that tells them how replies thread.

type Locale = "nl" | "en";

const FOOTER: Record<Locale, string> = {
  nl: "Dit bericht komt van Loket. Antwoord gerust op deze e-mail; laat het registratienummer in het onderwerp staan.",
  en: "This message comes from Loket. Feel free to reply to this email; keep the registration number in the subject.",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderMail(input: { text: string; html?: string | null; locale: Locale }): { text: string; html: string } {
  const text = `${input.text.trim()}\n\n-- \n${FOOTER[input.locale]}\n`;
  const body =
    input.html ??
    input.text
      .trim()
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
      .join("\n");
  const html = `<!doctype html><html lang="${input.locale}"><body style="font-family:Arial,sans-serif;color:#0f172a;line-height:1.5">
<div style="max-width:640px">${body}
<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0">
<p style="color:#475569;font-size:13px">${escapeHtml(FOOTER[input.locale])}</p></div></body></html>`;
  return { text, html };
}
