import { describe, expect, it } from "vitest";
import { sampleValues, TEMPLATE_KEYS, TEMPLATE_LOCALES, TEMPLATES, templateDef } from "@/lib/mail-templates/registry";
import { BODY_MAX, fill, parseTemplate, previewTemplate, renderTemplate, SUBJECT_MAX, validateTemplate } from "@/lib/mail-templates/render";

describe("the built-in mail texts", () => {
  it.each(TEMPLATE_KEYS.flatMap((key) => TEMPLATE_LOCALES.map((locale) => [key, locale] as const)))("%s (%s) validates and uses every required placeholder", (key, locale) => {
    const text = templateDef(key).defaults[locale];
    expect(validateTemplate(key, text)).toEqual([]);
    const rendered = renderTemplate(key, locale, sampleValues(key, locale) as never);
    expect(rendered.text).not.toMatch(/[{}]/);
    for (const ph of templateDef(key).placeholders.filter((p) => p.required)) expect(rendered.text).toContain(ph.sample[locale]);
  });

  it("keeps the texts they replaced: acknowledgement, reset link, survey, reminder, invitations", () => {
    const ack = renderTemplate("ticket.acknowledgement", "nl", { registratienummer: "LK-2026-000123", onderwerp: "Mijn uitkering", antwoordtermijn: "uiterlijk maandag 7 december 2026 17:00" });
    expect(ack).toEqual({
      subject: "[LK-2026-000123] Mijn uitkering",
      text: 'Wij hebben uw vraag "Mijn uitkering" ontvangen onder registratienummer LK-2026-000123.\n\nU krijgt uiterlijk maandag 7 december 2026 17:00 antwoord.\n\nNoem LK-2026-000123 als u over deze vraag contact met ons opneemt.',
    });
    const reset = renderTemplate("account.passwordReset", "en", { naam: "Anna", link: "https://x.example/r/abc", geldigtot: "7 December 2026 17:00" });
    expect(reset.subject).toBe("Set a new password for Loket");
    expect(reset.text).toContain("Dear Anna,\n\n");
    expect(reset.text).toContain("\n\nhttps://x.example/r/abc\n\n");
    expect(renderTemplate("survey.invitation", "nl", { registratienummer: "LK-1", onderwerp: "Vraag" }).text).toBe(
      "Uw vraag LK-1 is afgehandeld. Hoe tevreden bent u over ons antwoord? U kunt dat in één minuut laten weten in het portaal van Loket, bij deze vraag.",
    );
    expect(renderTemplate("callback.reminder", "en", { registratienummer: "LK-1", onderwerp: "Vraag", tijd: "14:00-16:00" })).toEqual({
      subject: "[LK-1] Vraag",
      text: "Reminder: we will call you back today between 14:00-16:00. Please keep your phone at hand.",
    });
    const staff = renderTemplate("invitation.staff", "nl", { naam: "Piet", link: "https://x/u/t", geldigtot: "11 december 2026 om 16:00" });
    expect(staff.subject).toBe("Uitnodiging voor de werkplek van Loket");
    // Dutch time, said so: never "UTC" in a mail.
    expect(staff.text.split("\n").at(-1)).toBe("De link is eenmalig en geldig tot 11 december 2026 om 16:00 (Nederlandse tijd).");
  });

  it("drops the portal hint of the confirmation without leaving a trailing space", () => {
    const mail = renderTemplate("callback.confirmation", "nl", { registratienummer: "LK-9", tijdvak: "25 november 2026, middag (14:00-16:00)", telefoon: "020 123 4567", portaalhint: "" });
    expect(mail).toEqual({ subject: "[LK-9] Terugbelafspraak bevestigd", text: "Wij bellen u terug op 25 november 2026, middag (14:00-16:00) op nummer 020 123 4567." });
  });
});

describe("renderTemplate", () => {
  const values = { naam: "Anna", link: "https://x/r/1", geldigtot: "morgen" };

  it("uses the admin's text when it validates", () => {
    expect(renderTemplate("account.passwordReset", "nl", values, { subject: "Wachtwoord voor {naam}", body: "Hallo {naam}: {link} ({geldigtot})" })).toEqual({
      subject: "Wachtwoord voor Anna",
      text: "Hallo Anna: https://x/r/1 (morgen)",
    });
  });

  it("falls back to the built-in text when a stored text does not validate, instead of failing", () => {
    const broken = renderTemplate("account.passwordReset", "nl", values, { subject: "x", body: "Geen link {onbekend" });
    expect(broken.subject).toBe("Nieuw wachtwoord instellen voor Loket");
    expect(broken.text).toContain("https://x/r/1");
  });

  it("does not read placeholders inside filled values, and keeps line breaks out of the subject", () => {
    const mail = renderTemplate("survey.invitation", "nl", { registratienummer: "LK-2", onderwerp: "{registratienummer}\nBcc: x@y" });
    expect(mail.subject).toBe("[LK-2] {registratienummer} Bcc: x@y");
  });

  it("previews a refused draft as typed, with its problems", () => {
    const key = "callback.reminder";
    const { mail, problems } = previewTemplate(key, { subject: "Bel", body: "Om {tijd} bellen wij, {wie}" }, sampleValues(key, "nl"));
    expect(mail).toEqual({ subject: "[LK-2026-000123] Bel", text: "Om 10:00-11:00 bellen wij," });
    expect(problems).toEqual([{ code: "TEMPLATE_UNKNOWN_PLACEHOLDER", field: "body", placeholder: "wie" }]);
  });
});

describe("validateTemplate refuses what could not be sent", () => {
  const ok = { subject: "Uitnodiging", body: "Beste {naam}, kies uw wachtwoord: {link}" };

  it("accepts a text with its required placeholder", () => {
    expect(validateTemplate("invitation.staff", ok)).toEqual([]);
  });

  it("names an unknown placeholder, in subject or body", () => {
    expect(validateTemplate("invitation.staff", { ...ok, subject: "Welkom {organisatie}" })).toEqual([{ code: "TEMPLATE_UNKNOWN_PLACEHOLDER", field: "subject", placeholder: "organisatie" }]);
    expect(validateTemplate("invitation.staff", { ...ok, body: `${ok.body} {Naam}` })).toEqual([{ code: "TEMPLATE_SYNTAX", field: "body", placeholder: "{Naam}" }]);
  });

  it("refuses a mail without its required placeholder in the body (a link in a subject is useless)", () => {
    expect(validateTemplate("account.passwordReset", { subject: "Link: {link}", body: "Beste {naam}" })).toEqual([{ code: "TEMPLATE_MISSING_PLACEHOLDER", field: "body", placeholder: "link" }]);
    expect(validateTemplate("ticket.acknowledgement", { subject: "{onderwerp}", body: "Ontvangen." })).toEqual([{ code: "TEMPLATE_MISSING_PLACEHOLDER", field: "body", placeholder: "registratienummer" }]);
  });

  it.each([
    ["an opening brace without its end", "Beste {naam, {link}"],
    ["a closing brace alone", "Beste naam}, {link}"],
    ["an empty pair", "Beste {}, {link}"],
    ["a space inside", "Beste { naam }, {link}"],
    ["an unclosed brace at the end", "{link} en {"],
  ])("refuses unbalanced braces: %s", (_label, body) => {
    const problems = validateTemplate("invitation.staff", { subject: "S", body });
    expect(problems.map((p) => [p.code, p.field])).toEqual([["TEMPLATE_SYNTAX", "body"]]);
  });

  it("refuses a line break in the subject (it would end the mail header)", () => {
    expect(validateTemplate("invitation.staff", { ...ok, subject: "Welkom\nBcc: x@y" }).map((p) => p.code)).toEqual(["TEMPLATE_SYNTAX"]);
  });

  it("refuses an empty subject or body", () => {
    expect(validateTemplate("invitation.staff", { subject: "  ", body: ok.body })).toEqual([{ code: "TEMPLATE_EMPTY", field: "subject" }]);
    expect(validateTemplate("invitation.staff", { subject: "S", body: "\n" })).toEqual([{ code: "TEMPLATE_EMPTY", field: "body" }]);
  });

  it("refuses a text that is too long", () => {
    expect(validateTemplate("invitation.staff", { subject: "x".repeat(SUBJECT_MAX + 1), body: ok.body })).toEqual([{ code: "TEMPLATE_TOO_LONG", field: "subject" }]);
    expect(validateTemplate("invitation.staff", { subject: "S", body: `${ok.body}${"x".repeat(BODY_MAX)}` })).toEqual([{ code: "TEMPLATE_TOO_LONG", field: "body" }]);
    expect(validateTemplate("invitation.staff", { subject: "x".repeat(SUBJECT_MAX), body: ok.body })).toEqual([]);
  });
});

describe("the parser", () => {
  it("splits text and placeholders, and fills unknown names with nothing", () => {
    expect(parseTemplate("a {b} c")).toEqual({ parts: [{ text: "a " }, { name: "b" }, { text: " c" }] });
    expect(fill("{a}{b}", { a: "1" })).toBe("1");
  });

  it("ends a sentence on an organisation name once, even when the name ends in a full stop", () => {
    const values = { naam: "Anna", organisatie: "Bakkerij Jansen B.V.", link: "https://x/u/t", geldigtot: "11 december 2026 om 16:00" };
    const nl = renderTemplate("invitation.employer", "nl", values);
    expect(nl.text).toContain("werkgeversportaal van Bakkerij Jansen B.V. Kies uw wachtwoord");
    expect(nl.text).not.toContain("B.V..");
    // Elsewhere the name keeps its full stop: the subject does not end a sentence on it.
    expect(nl.subject).toBe("Uitnodiging voor het werkgeversportaal van Bakkerij Jansen B.V.");
    expect(renderTemplate("invitation.employer", "en", { ...values, organisatie: "Van Dijk Bouw" }).text).toContain("employer portal of Van Dijk Bouw. Choose");
    expect(fill("{a}. {a}!", { a: "Fa. Jansen & Zn." })).toBe("Fa. Jansen & Zn. Fa. Jansen & Zn.!");
  });

  it("says Dutch time, never UTC, in every built-in text", () => {
    for (const key of TEMPLATE_KEYS) for (const locale of TEMPLATE_LOCALES) expect(TEMPLATES[key].defaults[locale].body, `${key} ${locale}`).not.toMatch(/\bUTC\b/);
  });

  it("gives every placeholder of every template a sample in both languages", () => {
    for (const key of TEMPLATE_KEYS) for (const ph of TEMPLATES[key].placeholders) for (const locale of TEMPLATE_LOCALES) expect(ph.sample[locale], `${key} ${ph.name}`).not.toBe("");
    expect(TEMPLATE_KEYS.length).toBe(9);
  });
});
