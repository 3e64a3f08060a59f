// The mails about a person's password, in their language. Plain text; the outbox delivery derives
// the HTML from it (lib/mail/render.ts). Never the password itself, only links and times.
import { formatDateTime, type Locale } from "@/lib/calendar/format";
import type { TemplateValues } from "@/lib/mail-templates/registry";

/** The values of the reset-link template (lib/mail-templates, "account.passwordReset", which holds its text). */
export function resetLinkValues(input: { name: string; link: string; expiresAt: Date; locale: Locale }): TemplateValues<"account.passwordReset"> {
  return { naam: input.name, link: input.link, geldigtot: formatDateTime(input.expiresAt, input.locale) };
}

export function passwordChangedMail(input: { name: string; at: Date; how: "change" | "reset"; resetUrl: string; locale: Locale; sender: string }): { subject: string; text: string } {
  const at = formatDateTime(input.at, input.locale);
  if (input.locale === "en") {
    return {
      subject: `Your ${input.sender} password was changed`,
      text: [
        `Dear ${input.name},`,
        `The password of your ${input.sender} account was ${input.how === "reset" ? "reset via a mailed link" : "changed"} on ${at} (Amsterdam time). Every session was ended; you log in with the new password.`,
        `Was this not you? Set a new password at once via ${input.resetUrl} and call us.`,
      ].join("\n\n"),
    };
  }
  return {
    subject: `Uw wachtwoord voor ${input.sender} is gewijzigd`,
    text: [
      `Beste ${input.name},`,
      `Het wachtwoord van uw account bij ${input.sender} is op ${at} (Nederlandse tijd) ${input.how === "reset" ? "opnieuw ingesteld via een gemailde link" : "gewijzigd"}. Alle sessies zijn beëindigd; u logt in met het nieuwe wachtwoord.`,
      `Was u dit niet? Stel dan direct een nieuw wachtwoord in via ${input.resetUrl} en bel ons.`,
    ].join("\n\n"),
  };
}
