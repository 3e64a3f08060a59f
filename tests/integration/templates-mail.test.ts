import { beforeEach, describe, expect, it } from "vitest";
import { changeOwnPassword, requestPasswordReset } from "@/lib/account/commands";
import { saveBrand } from "@/lib/brand/mutations";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { resetMailTemplate, saveMailTemplate } from "@/lib/mail-templates/commands";
import { inviteStaffMember } from "@/lib/staff/commands";
import { createTicket } from "@/lib/tickets/mutations";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const ANNA = "anna.jansen@burger.example";
let admin: SessionUser;

beforeEach(async () => {
  await seedDemo(now);
  admin = await sessionFor("admin@loket.example");
});

const save = (input: { key: string; locale: string; subject: string; body: string }, user: SessionUser | null = admin) => saveMailTemplate.execute(user, input, now);
const mailTo = (to: string, kind: string) => db.outboxMessage.findFirstOrThrow({ where: { toAddress: to, kind }, orderBy: { createdAt: "desc" } });
const audits = (action: string) => db.auditEvent.findMany({ where: { action }, select: { actorId: true, entityId: true } });

async function emailQuestion(subject: string) {
  const anna = await db.user.findUniqueOrThrow({ where: { email: ANNA } });
  return db.$transaction((tx) => createTicket(tx, { subject, categoryKey: "GENERAL_QUESTION", channel: "EMAIL", body: "Wanneer krijg ik bericht?", requesterId: anna.id }, now));
}

describe("a saved mail text is what the real mail says", () => {
  it("the acknowledgement of a mailed question, in the outbox and on the timeline", async () => {
    const body = "Dank voor uw mail over {onderwerp}. Uw nummer is {registratienummer}; antwoord volgt {antwoordtermijn}.";
    expect(await save({ key: "ticket.acknowledgement", locale: "nl", subject: "Ontvangen: {onderwerp}", body })).toEqual({ ok: true, data: undefined });
    const ticket = await emailQuestion("Jaaropgave");
    const mail = await mailTo(ANNA, "ticket.acknowledgement");
    expect(mail.subject).toBe(`[${ticket.number}] Ontvangen: Jaaropgave`);
    expect(mail.bodyText).toMatch(new RegExp(`^Dank voor uw mail over Jaaropgave\\. Uw nummer is ${ticket.number}; antwoord volgt uiterlijk \\S+ \\d+ \\S+ 2026 om \\d\\d:\\d\\d\\.$`));
    const timeline = await db.message.findFirstOrThrow({ where: { ticketId: ticket.id, direction: "OUTBOUND" } });
    expect(timeline.body).toBe(mail.bodyText);
    expect(await audits("mail_template.save")).toEqual([{ actorId: admin.id, entityId: "ticket.acknowledgement:nl" }]);
  });

  it("the English text goes to an English-speaking person only", async () => {
    await save({ key: "ticket.acknowledgement", locale: "en", subject: "Got it: {onderwerp}", body: "Number {registratienummer}." });
    await emailQuestion("Jaaropgave");
    expect((await mailTo(ANNA, "ticket.acknowledgement")).subject).toMatch(/^\[LK-\d{4}-\d{6}\] Jaaropgave$/);
    await db.user.update({ where: { email: ANNA }, data: { locale: "en" } });
    const ticket = await emailQuestion("Annual statement");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: ANNA, kind: "ticket.acknowledgement", ticketId: ticket.id } });
    expect({ subject: mail.subject, text: mail.bodyText }).toEqual({ subject: `[${ticket.number}] Got it: Annual statement`, text: `Number ${ticket.number}.` });
  });

  it("the password reset mail, with its one-time link", async () => {
    await save({ key: "account.passwordReset", locale: "nl", subject: "Uw nieuwe wachtwoord", body: "Hallo {naam},\n\nKlik: {link}\n\nGeldig tot {geldigtot}." });
    expect(await requestPasswordReset({ email: ANNA }, now)).toEqual({ ok: true, data: undefined });
    const mail = await mailTo(ANNA, "account.password_reset");
    expect(mail.subject).toBe("Uw nieuwe wachtwoord");
    expect(mail.bodyText).toMatch(/^Hallo Anna Jansen,\n\nKlik: http\S+\/wachtwoord-herstellen\/[A-Za-z0-9_-]{20,}\n\nGeldig tot 24 november 2026 om 12:00\.$/);
  });

  it("the staff invitation", async () => {
    await save({ key: "invitation.staff", locale: "nl", subject: "Welkom bij het team", body: "Beste {naam}, start hier: {link}" });
    const team = await db.team.findFirstOrThrow();
    const result = await inviteStaffMember.execute(admin, { email: "nieuw@loket.example", name: "Nina Nieuw", role: "CALLCENTER_AGENT", teamIds: [team.id] }, now);
    expect(result.ok).toBe(true);
    const mail = await mailTo("nieuw@loket.example", "staff.invite");
    expect(mail.subject).toBe("Welkom bij het team");
    expect(mail.bodyText).toMatch(/^Beste Nina Nieuw, start hier: http\S+\/uitnodiging\/[A-Za-z0-9_-]{20,}$/);
  });
});

describe("a broken text is refused on save and not stored", () => {
  const valid = { key: "account.passwordReset", locale: "nl", subject: "Link", body: "Beste {naam}: {link}" };
  it.each([
    ["an unknown placeholder, named", { body: "Beste {klant}: {link}" }, "TEMPLATE_UNKNOWN_PLACEHOLDER", { body: ["TEMPLATE_UNKNOWN_PLACEHOLDER:klant"] }],
    ["a missing required placeholder", { body: "Beste {naam}, kijk in het portaal." }, "TEMPLATE_MISSING_PLACEHOLDER", { body: ["TEMPLATE_MISSING_PLACEHOLDER:link"] }],
    ["an unbalanced brace", { body: "Beste {naam: {link}" }, "TEMPLATE_SYNTAX", { body: ["TEMPLATE_SYNTAX:{naam: {link}"] }],
    ["an empty subject", { subject: " " }, "TEMPLATE_EMPTY", { subject: ["TEMPLATE_EMPTY"] }],
    ["a body that is too long", { body: `{link} ${"x".repeat(5000)}` }, "TEMPLATE_TOO_LONG", { body: ["TEMPLATE_TOO_LONG"] }],
  ])("%s", async (_label, change, reason, fieldErrors) => {
    await save(valid);
    const before = await db.mailTemplate.findMany();
    expect(await save({ ...valid, ...change })).toEqual({ ok: false, reason, fieldErrors });
    expect(await db.mailTemplate.findMany()).toEqual(before);
    expect(await audits("mail_template.save")).toHaveLength(1);
    // The mail still goes out with the last good text.
    await requestPasswordReset({ email: ANNA }, now);
    expect((await mailTo(ANNA, "account.password_reset")).bodyText).toMatch(/^Beste Anna Jansen: http/);
  });

  it("refuses an unknown mail, and people who may not manage settings", async () => {
    expect(await save({ ...valid, key: "ticket.nope" })).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await save(valid, await sessionFor("coordinator@loket.example"))).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await save(valid, null)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await save({ ...valid, locale: "de" })).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    expect(await db.mailTemplate.count()).toBe(0);
  });
});

describe("reset to the default", () => {
  it("deletes the admin's text, audited; the next mail has the built-in text again", async () => {
    await save({ key: "account.passwordReset", locale: "nl", subject: "Eigen onderwerp", body: "{link}" });
    await save({ key: "account.passwordReset", locale: "en", subject: "Own subject", body: "{link}" });
    expect(await resetMailTemplate.execute(admin, { key: "account.passwordReset", locale: "nl" }, now)).toEqual({ ok: true, data: undefined });
    expect(await db.mailTemplate.findMany({ select: { key: true, locale: true } })).toEqual([{ key: "account.passwordReset", locale: "en" }]);
    expect(await audits("mail_template.reset")).toEqual([{ actorId: admin.id, entityId: "account.passwordReset:nl" }]);
    await requestPasswordReset({ email: ANNA }, now);
    const mail = await mailTo(ANNA, "account.password_reset");
    expect(mail.subject).toBe("Nieuw wachtwoord instellen voor Loket");
    expect(mail.bodyText).toMatch(/^Beste Anna Jansen,\n\nWij kregen een verzoek/);
  });

  it("refuses an unknown mail and non-admins; resetting an unchanged text changes nothing", async () => {
    expect(await resetMailTemplate.execute(admin, { key: "ticket.nope", locale: "nl" }, now)).toEqual({ ok: false, reason: "NOT_FOUND" });
    await save({ key: "callback.reminder", locale: "nl", subject: "{onderwerp}", body: "Om {tijd}." });
    expect(await resetMailTemplate.execute(await sessionFor("manager@loket.example"), { key: "callback.reminder", locale: "nl" }, now)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await db.mailTemplate.count()).toBe(1);
    expect(await resetMailTemplate.execute(admin, { key: "callback.reminder", locale: "en" }, now)).toEqual({ ok: true, data: undefined });
    expect(await db.mailTemplate.count()).toBe(1);
    expect(await audits("mail_template.reset")).toEqual([]);
  });
});

describe("the organisation's own name in the built-in mail texts", () => {
  it("a reset link, an invitation and a changed password name the brand, not Loket", async () => {
    await db.$transaction((tx) => saveBrand(tx, { name: "Gemeente Voorbeeld", primaryColor: "#115467", secondaryColor: null, logo: undefined }, admin.id));
    await requestPasswordReset({ email: ANNA }, now);
    const reset = await mailTo(ANNA, "account.password_reset");
    expect(reset.subject).toBe("Nieuw wachtwoord instellen voor Gemeente Voorbeeld");
    expect(reset.bodyText).toContain("voor uw account bij Gemeente Voorbeeld.");
    expect(reset.bodyText).not.toContain("Loket");

    await inviteStaffMember.execute(admin, { email: "nieuw@loket.example", name: "Nieuwe Collega", role: "CASE_HANDLER", teamIds: [] }, now);
    const invite = await mailTo("nieuw@loket.example", "staff.invite");
    expect(invite.subject).toBe("Uitnodiging voor de werkplek van Gemeente Voorbeeld");

    const anna = await sessionFor(ANNA);
    expect(await changeOwnPassword.execute(anna, { current: "Loket-demo-2026", password: "Een-heel-nieuw-wachtwoord-42", confirm: "Een-heel-nieuw-wachtwoord-42" }, now)).toMatchObject({ ok: true });
    const changed = await mailTo(ANNA, "account.password_changed");
    expect(changed.subject).toBe("Uw wachtwoord voor Gemeente Voorbeeld is gewijzigd");
    expect(changed.bodyText).toContain("uw account bij Gemeente Voorbeeld");
  });
});
