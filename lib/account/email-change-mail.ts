// The two mails of an e-mail change, in the person's language: the link to the new address, and a
// notice to the old one (so a change the person did not make does not go unnoticed).
import { formatDateTime, type Locale } from "@/lib/calendar/format";

export function confirmEmailMail(input: { name: string; link: string; expiresAt: Date; locale: Locale }): { subject: string; text: string } {
  const until = formatDateTime(input.expiresAt, input.locale);
  if (input.locale === "en") {
    return {
      subject: "Confirm your new email address for Loket",
      text: [`Dear ${input.name},`, "You asked to use this email address for your Loket account. Confirm it via this link:", input.link, `The link works once and until ${until} (Amsterdam time). Did you not ask for this? Then ignore this mail; nothing changes.`].join("\n\n"),
    };
  }
  return {
    subject: "Bevestig uw nieuwe e-mailadres voor Loket",
    text: [`Beste ${input.name},`, "U heeft gevraagd dit e-mailadres te gebruiken voor uw Loket-account. Bevestig dit via deze link:", input.link, `De link is eenmalig en geldig tot ${until} (Nederlandse tijd). Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; er verandert niets.`].join("\n\n"),
  };
}

export function emailChangeNoticeMail(input: { name: string; newEmail: string; at: Date; resetUrl: string; locale: Locale }): { subject: string; text: string } {
  const at = formatDateTime(input.at, input.locale);
  if (input.locale === "en") {
    return {
      subject: "A new email address was requested for your Loket account",
      text: [`Dear ${input.name},`, `On ${at} (Amsterdam time) someone signed in to your Loket account asked to change its email address to ${input.newEmail}. The change takes effect once that address is confirmed.`, `Was this not you? Change your password at once via ${input.resetUrl} and call us.`].join("\n\n"),
    };
  }
  return {
    subject: "Er is een nieuw e-mailadres aangevraagd voor uw Loket-account",
    text: [`Beste ${input.name},`, `Op ${at} (Nederlandse tijd) is vanuit uw Loket-account gevraagd het e-mailadres te wijzigen in ${input.newEmail}. De wijziging gaat in zodra dat adres is bevestigd.`, `Was u dit niet? Wijzig dan direct uw wachtwoord via ${input.resetUrl} en bel ons.`].join("\n\n"),
  };
}
