// The mails about a person's password, in their language. Plain text; the outbox delivery derives
// the HTML from it (lib/mail/render.ts). Never the password itself, only links and times.
import { formatAmsterdamDateTime, type Locale } from "@/lib/calendar/format";

export function resetLinkMail(input: { name: string; link: string; expiresAt: Date; locale: Locale }): { subject: string; text: string } {
  const until = formatAmsterdamDateTime(input.expiresAt, input.locale);
  if (input.locale === "en") {
    return {
      subject: "Set a new password for Loket",
      text: [
        `Dear ${input.name},`,
        "We received a request to set a new password for your Loket account. Choose a new password via this link:",
        input.link,
        `The link works once and until ${until} (Amsterdam time). Did you not ask for this? Then ignore this mail: your password stays as it is.`,
      ].join("\n\n"),
    };
  }
  return {
    subject: "Nieuw wachtwoord instellen voor Loket",
    text: [
      `Beste ${input.name},`,
      "Wij kregen een verzoek om een nieuw wachtwoord in te stellen voor uw Loket-account. Kies een nieuw wachtwoord via deze link:",
      input.link,
      `De link werkt één keer en tot ${until} (Nederlandse tijd). Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.`,
    ].join("\n\n"),
  };
}

export function passwordChangedMail(input: { name: string; at: Date; how: "change" | "reset"; resetUrl: string; locale: Locale }): { subject: string; text: string } {
  const at = formatAmsterdamDateTime(input.at, input.locale);
  if (input.locale === "en") {
    return {
      subject: "Your Loket password was changed",
      text: [
        `Dear ${input.name},`,
        `The password of your Loket account was ${input.how === "reset" ? "reset via a mailed link" : "changed"} on ${at} (Amsterdam time). Every session was ended; you log in with the new password.`,
        `Was this not you? Set a new password at once via ${input.resetUrl} and call us.`,
      ].join("\n\n"),
    };
  }
  return {
    subject: "Uw wachtwoord voor Loket is gewijzigd",
    text: [
      `Beste ${input.name},`,
      `Het wachtwoord van uw Loket-account is op ${at} (Nederlandse tijd) ${input.how === "reset" ? "opnieuw ingesteld via een gemailde link" : "gewijzigd"}. Alle sessies zijn beëindigd; u logt in met het nieuwe wachtwoord.`,
      `Was u dit niet? Stel dan direct een nieuw wachtwoord in via ${input.resetUrl} en bel ons.`,
    ].join("\n\n"),
  };
}
