// The mails an admin may reword, with their built-in texts (nl and en) and the placeholders each may
// use. Pure and client-safe: the admin page previews with the same definitions the senders use.
// Placeholders are written {name}; their names are Dutch, like the texts they first served.

export type TemplateLocale = "nl" | "en";
export const TEMPLATE_LOCALES = ["nl", "en"] as const satisfies readonly TemplateLocale[];

export interface PlaceholderDef {
  readonly name: string;
  /** Without it the mail is useless (a reset mail without its link): refused on save. */
  readonly required: boolean;
  /** What the preview shows for it. */
  readonly sample: Readonly<Record<TemplateLocale, string>>;
}

export interface TemplateDef {
  readonly placeholders: readonly PlaceholderDef[];
  /**
   * A mail about a ticket: its subject always starts with "[registration number] " so replies
   * thread into the ticket (DESIGN, Mail). That prefix is added on sending and is not editable.
   */
  readonly threaded: boolean;
  readonly defaults: Readonly<Record<TemplateLocale, { readonly subject: string; readonly body: string }>>;
}

const p = (name: string, required: boolean, nl: string, en: string): PlaceholderDef => ({ name, required, sample: { nl, en } });

const NUMBER = p("registratienummer", false, "LK-2026-000123", "LK-2026-000123");
const SUBJECT = p("onderwerp", false, "Vraag over mijn uitkering", "Question about my benefit");
const NAME = p("naam", false, "Anna Jansen", "Anna Jansen");
const LINK = p("link", true, "https://loket.example/uitnodiging/voorbeeld", "https://loket.example/uitnodiging/example");
/** The organisation running Loket, as its admin named it (the brand); every template may use it. */
export const SENDER = p("afzender", false, "Loket", "Loket");
const VALID_UNTIL = p("geldigtot", false, "11 december 2026 om 15:00", "11 December 2026, 15:00");

export const TEMPLATES = {
  "ticket.acknowledgement": {
    threaded: true,
    placeholders: [
      { ...NUMBER, required: true },
      SUBJECT,
      p("antwoordtermijn", false, "uiterlijk maandag 7 december 2026 om 17:00", "no later than Monday 7 December 2026, 17:00"),
    ],
    defaults: {
      nl: {
        subject: "{onderwerp}",
        body: [
          'Wij hebben uw vraag "{onderwerp}" ontvangen onder registratienummer {registratienummer}.',
          "U krijgt {antwoordtermijn} antwoord.",
          "Noem {registratienummer} als u over deze vraag contact met ons opneemt.",
        ].join("\n\n"),
      },
      en: {
        subject: "{onderwerp}",
        body: [
          'We have received your question "{onderwerp}" under registration number {registratienummer}.',
          "You will receive an answer {antwoordtermijn}.",
          "Please mention {registratienummer} whenever you contact us about this question.",
        ].join("\n\n"),
      },
    },
  },
  "ticket.portalAnswer": {
    threaded: true,
    placeholders: [NUMBER, SUBJECT],
    defaults: {
      nl: {
        subject: "{onderwerp}",
        body: [
          'Er staat een antwoord voor u klaar bij uw vraag "{onderwerp}" ({registratienummer}).',
          "U leest het in het portaal van {afzender}, bij deze vraag. Het antwoord staat niet in deze e-mail: zo blijven uw gegevens in het portaal.",
        ].join("\n\n"),
      },
      en: {
        subject: "{onderwerp}",
        body: [
          'There is an answer for you on your question "{onderwerp}" ({registratienummer}).',
          "You can read it in the {afzender} portal, on this question. The answer is not in this email: that way your details stay in the portal.",
        ].join("\n\n"),
      },
    },
  },
  "callback.confirmation": {
    threaded: true,
    placeholders: [
      NUMBER,
      p("tijdvak", true, "25 november 2026, ochtend (10:00-11:00)", "25 November 2026, morning (10:00-11:00)"),
      p("telefoon", false, "0612345678", "0612345678"),
      p(
        "portaalhint",
        false,
        "U kunt de afspraak tot 30 minuten voor het begin verzetten of annuleren in het portaal.",
        "You can move or cancel the appointment in the portal until 30 minutes before it starts.",
      ),
    ],
    defaults: {
      nl: { subject: "Terugbelafspraak bevestigd", body: "Wij bellen u terug op {tijdvak} op nummer {telefoon}. {portaalhint}" },
      en: { subject: "Callback appointment confirmed", body: "We will call you back on {tijdvak} on {telefoon}. {portaalhint}" },
    },
  },
  "callback.reminder": {
    threaded: true,
    placeholders: [NUMBER, SUBJECT, p("tijd", true, "10:00-11:00", "10:00-11:00")],
    defaults: {
      nl: { subject: "{onderwerp}", body: "Herinnering: wij bellen u vandaag terug tussen {tijd}. Houd uw telefoon bij de hand." },
      en: { subject: "{onderwerp}", body: "Reminder: we will call you back today between {tijd}. Please keep your phone at hand." },
    },
  },
  "survey.invitation": {
    threaded: true,
    placeholders: [NUMBER, SUBJECT],
    defaults: {
      nl: {
        subject: "{onderwerp}",
        body: "Uw vraag {registratienummer} is afgehandeld. Hoe tevreden bent u over ons antwoord? U kunt dat in één minuut laten weten in het portaal van {afzender}, bij deze vraag.",
      },
      en: {
        subject: "{onderwerp}",
        body: "Your question {registratienummer} has been resolved. How satisfied are you with our answer? Let us know in one minute in the {afzender} portal, on this question.",
      },
    },
  },
  "account.passwordReset": {
    threaded: false,
    placeholders: [NAME, { ...LINK, sample: { nl: "https://loket.example/wachtwoord-herstellen/voorbeeld", en: "https://loket.example/wachtwoord-herstellen/example" } }, VALID_UNTIL],
    defaults: {
      nl: {
        subject: "Nieuw wachtwoord instellen voor {afzender}",
        body: [
          "Beste {naam},",
          "Wij kregen een verzoek om een nieuw wachtwoord in te stellen voor uw account bij {afzender}. Kies een nieuw wachtwoord via deze link:",
          "{link}",
          "De link werkt één keer en tot {geldigtot} (Nederlandse tijd). Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.",
        ].join("\n\n"),
      },
      en: {
        subject: "Set a new password for {afzender}",
        body: [
          "Dear {naam},",
          "We received a request to set a new password for your {afzender} account. Choose a new password via this link:",
          "{link}",
          "The link works once and until {geldigtot} (Amsterdam time). Did you not ask for this? Then ignore this mail: your password stays as it is.",
        ].join("\n\n"),
      },
    },
  },
  "invitation.employer": {
    threaded: false,
    placeholders: [NAME, p("organisatie", false, "Van Dijk Bouw B.V.", "Van Dijk Bouw B.V."), LINK, VALID_UNTIL],
    defaults: {
      nl: {
        subject: "Uitnodiging voor het werkgeversportaal van {organisatie}",
        body: [
          "Beste {naam},",
          "",
          "U bent uitgenodigd voor het werkgeversportaal van {organisatie}. Kies uw wachtwoord via deze link:",
          "{link}",
          "",
          "De link is eenmalig en geldig tot {geldigtot} (Nederlandse tijd).",
        ].join("\n"),
      },
      en: {
        subject: "Invitation to the employer portal of {organisatie}",
        body: [
          "Dear {naam},",
          "",
          "You have been invited to the employer portal of {organisatie}. Choose your password via this link:",
          "{link}",
          "",
          "The link works once and until {geldigtot} (Amsterdam time).",
        ].join("\n"),
      },
    },
  },
  "invitation.staff": {
    threaded: false,
    placeholders: [NAME, LINK, VALID_UNTIL],
    defaults: {
      nl: {
        subject: "Uitnodiging voor de werkplek van {afzender}",
        body: [
          "Beste {naam},",
          "",
          "U bent uitgenodigd voor de werkplek van {afzender}. Kies uw wachtwoord via deze link:",
          "{link}",
          "",
          "Bij de eerste keer inloggen stelt u tweestapsverificatie in met een authenticator-app op uw telefoon.",
          "De link is eenmalig en geldig tot {geldigtot} (Nederlandse tijd).",
        ].join("\n"),
      },
      en: {
        subject: "Invitation to the {afzender} workspace",
        body: [
          "Dear {naam},",
          "",
          "You have been invited to the {afzender} workspace. Choose your password via this link:",
          "{link}",
          "",
          "When you first log in, you set up two-step verification with an authenticator app on your phone.",
          "The link works once and until {geldigtot} (Amsterdam time).",
        ].join("\n"),
      },
    },
  },
  "invitation.beneficiary": {
    threaded: false,
    placeholders: [NAME, LINK, VALID_UNTIL],
    defaults: {
      nl: {
        subject: "Uitnodiging voor het portaal van {afzender}",
        body: [
          "Beste {naam},",
          "",
          "U bent uitgenodigd voor het portaal van {afzender}, waar u uw vragen en afspraken bij ons ziet. Kies uw wachtwoord via deze link:",
          "{link}",
          "",
          "De link is eenmalig en geldig tot {geldigtot} (Nederlandse tijd).",
        ].join("\n"),
      },
      en: {
        subject: "Invitation to the {afzender} portal",
        body: [
          "Dear {naam},",
          "",
          "You have been invited to the {afzender} portal, where you see your questions and appointments with us. Choose your password via this link:",
          "{link}",
          "",
          "The link works once and until {geldigtot} (Amsterdam time).",
        ].join("\n"),
      },
    },
  },
} as const satisfies Record<string, TemplateDef>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export type PlaceholderOf<K extends TemplateKey> = (typeof TEMPLATES)[K]["placeholders"][number]["name"];
/** Every placeholder of the key needs a value: a sender cannot forget one (the compiler says so). */
export type TemplateValues<K extends TemplateKey> = Record<PlaceholderOf<K>, string> & { afzender?: string };

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, key);
}

const withSender = new Map<TemplateKey, TemplateDef>();

/** A template's definition, {afzender} included (filled by the sender from the brand). */
export function templateDef(key: TemplateKey): TemplateDef {
  let def = withSender.get(key);
  if (!def) {
    def = { ...TEMPLATES[key], placeholders: [...TEMPLATES[key].placeholders, SENDER] };
    withSender.set(key, def);
  }
  return def;
}

/** The sample values of a key, for the preview. */
export function sampleValues(key: TemplateKey, locale: TemplateLocale): Record<string, string> {
  return Object.fromEntries(templateDef(key).placeholders.map((ph) => [ph.name, ph.sample[locale]]));
}
