// The frame around every outgoing mail: plain text as written, HTML derived from it (escaped), and
// a footer in the recipient's language: for mail about a question, that a reply reaches it (by the
// reply address with the ticket's token, not by the number in the subject); for mail
// about an account (invitations, codes, password notices), that nobody reads replies.

type Locale = "nl" | "en";

// The organisation's name (the admin's house style, else "Loket") is filled in for {name}.
const FOOTER: Record<"question" | "account", Record<Locale, string>> = {
  question: {
    nl: "Dit bericht komt van {name}. Antwoord gerust op deze e-mail: uw antwoord komt dan bij uw vraag.",
    en: "This message comes from {name}. Feel free to reply to this email: your reply is added to your question.",
  },
  account: {
    nl: "Dit is een automatisch bericht van {name} over uw account; antwoorden op deze e-mail worden niet gelezen. Herkent u dit niet? Neem dan contact met ons op.",
    en: "This is an automatic message from {name} about your account; replies to this email are not read. Don't recognise it? Please contact us.",
  },
};

/** Who the mail comes from, as the admin set it (lib/brand); Loket's own without one. */
export interface MailBrand {
  name: string;
  primaryColor: string;
}
const LOKET: MailBrand = { name: "Loket", primaryColor: "#115467" };

const ACCOUNT_KINDS = /^(account\.|auth\.|organisation\.invite$|staff\.invite$)/;

/** Which footer a mail of this outbox kind gets. */
export function footerFor(kind: string): "question" | "account" {
  return ACCOUNT_KINDS.test(kind) ? "account" : "question";
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function renderMail(input: { text: string; html?: string | null; locale: Locale; kind: string; brand?: MailBrand }): { text: string; html: string } {
  const brand = input.brand ?? LOKET;
  // A function, so a "$&" in the name is not read as a replacement pattern.
  const footer = FOOTER[footerFor(input.kind)][input.locale].replace("{name}", () => brand.name);
  // Only a #rrggbb value reaches the style attribute (it was checked on save; checked again here).
  const colour = /^#[0-9a-f]{6}$/.test(brand.primaryColor) ? brand.primaryColor : LOKET.primaryColor;
  const text = `${input.text.trim()}\n\n-- \n${footer}\n`;
  const body =
    input.html ??
    input.text
      .trim()
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
      .join("\n");
  const html = `<!doctype html><html lang="${input.locale}"><body style="font-family:Arial,sans-serif;color:#0f172a;line-height:1.5">
<div style="max-width:640px"><div style="background:${colour};color:#ffffff;padding:12px 16px;font-size:18px;font-weight:bold">${escapeHtml(brand.name)}</div>
${body}
<hr style="border:none;border-top:1px solid #cbd5e1;margin:24px 0">
<p style="color:#475569;font-size:13px">${escapeHtml(footer)}</p></div></body></html>`;
  return { text, html };
}
