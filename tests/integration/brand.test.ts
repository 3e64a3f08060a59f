// The organisation's house style: an admin sets name, colours and logo; mail and letters carry them
// from then on; anyone else, a poor colour or a bad logo is refused and nothing is written.
import { PDFDocument } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetBrandSettings, updateBrand } from "@/lib/brand/admin";
import { getBrand, getBrandLogo, loadLetterBrand } from "@/lib/brand/queries";
import { db } from "@/lib/db/client";
import { renderLetterPdf } from "@/lib/letters/pdf";
import { createMailSender, deliverDueMail, type MailSender } from "@/lib/mail/delivery";
import { enqueueMail } from "@/lib/outbox/mutations";
import { pdfPages } from "../support/pdf-text";
import { seedDemo, sessionFor } from "../support/fixtures";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

const now = new Date("2026-11-24T10:00:00Z");
// A valid 1x1 PNG.
const PNG = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));
const BRAND = { name: "Pensioenfonds Noord", primaryColor: "#1D4ED8", secondaryColor: "" };
const logo = (bytes: Uint8Array, name = "logo.png") => ({ name, type: "image/png", bytes });

let sink: SmtpSink | undefined;
let sender: MailSender | undefined;

beforeEach(async () => {
  await seedDemo(now);
  await db.outboxMessage.deleteMany();
  await db.setting.deleteMany({ where: { key: { in: ["brand", "brand.logo"] } } });
});
afterEach(async () => {
  sender?.close();
  await sink?.close();
  sink = sender = undefined;
});

async function deliverOne(kind = "ticket.reply") {
  sink = await startSmtpSink();
  sender = createMailSender({ smtpUrl: sink.url });
  await db.$transaction((tx) => enqueueMail(tx, { kind, to: "anna.jansen@burger.example", subject: "[LK-2026-000001] Uw vraag", text: "Beste Anna,\n\nHier is ons antwoord.", locale: "nl", at: now }));
  expect(await deliverDueMail(db, sender, now)).toEqual({ sent: 1, failed: 0 });
  return sink.received[0]!;
}

/** The brand rows and the audit events about them, to prove a refusal wrote nothing. */
async function brandState() {
  const [rows, events] = await Promise.all([
    db.setting.findMany({ where: { key: { in: ["brand", "brand.logo"] } }, orderBy: { key: "asc" } }),
    db.auditEvent.count({ where: { action: { startsWith: "settings.brand" } } }),
  ]);
  return JSON.stringify({ rows, events });
}

describe("the organisation's house style", () => {
  it("is Loket's own until an admin sets one: mail says it comes from Loket", async () => {
    const mail = await deliverOne();
    expect(mail.from?.value[0]?.name).toBe("Loket");
    expect(mail.text).toContain("Dit bericht komt van Loket.");
  });

  it("once an admin saves it, a mail sent afterwards carries the name as sender and in its footer, and the colour in its header", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect(await updateBrand.execute(admin, { ...BRAND, logo: logo(PNG) }, now)).toEqual({ ok: true, data: undefined });

    const mail = await deliverOne();
    expect(mail.from?.value[0]).toMatchObject({ name: "Pensioenfonds Noord", address: "noreply@loket.example" });
    expect(mail.text).toContain("Dit bericht komt van Pensioenfonds Noord. Antwoord gerust op deze e-mail");
    expect(mail.html).toContain("background:#1d4ed8");
    expect(mail.html).toContain(">Pensioenfonds Noord</div>");

    // Account mail names the organisation too.
    await db.outboxMessage.deleteMany();
    sender?.close();
    await sink?.close();
    const account = await deliverOne("account.password_changed");
    expect(account.text).toContain("automatisch bericht van Pensioenfonds Noord over uw account");

    // The logo is kept byte for byte, and the change is in the audit log without the picture.
    expect(await getBrandLogo(db)).toMatchObject({ mime: "image/png", bytes: PNG });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "settings.brand" } });
    expect(event).toMatchObject({ actorId: admin.id, entityId: "brand" });
    expect(event.data).toMatchObject({ to: { name: "Pensioenfonds Noord", primaryColor: "#1d4ed8" }, logo: "replaced" });
    expect(JSON.stringify(event.data)).not.toContain("iVBOR");
  });

  it("prints the name and logo on a letter", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect((await updateBrand.execute(admin, { ...BRAND, logo: logo(PNG) }, now)).ok).toBe(true);
    const brand = await loadLetterBrand(db);
    const bytes = await renderLetterPdf({
      locale: "nl", number: "LK-2026-000123", subject: "Uw vraag", recipientName: "Anna Jansen", organisationName: null, date: "24 november 2026",
      writtenAt: now, body: "Wij hebben uw vraag ontvangen.", senderName: "Bas Behandelaar", brand,
    });
    const lines = (await pdfPages(bytes)).flat();
    expect(lines[0]).toBe("Pensioenfonds Noord");
    expect(lines.at(-2)).toBe("Pensioenfonds Noord"); // signed by the organisation, before the page footer
    expect(lines).not.toContain("Loket");
    // The logo is drawn as an image (an image XObject's dictionary is never compressed away).
    expect(Buffer.from(bytes).includes("/Subtype /Image")).toBe(true);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getAuthor()).toBe("Pensioenfonds Noord");
  });

  it("refuses anyone but an admin, and writes nothing", async () => {
    const before = await brandState();
    for (const email of ["manager@loket.example", "coordinator@loket.example", "behandelaar@loket.example", "anna.jansen@burger.example", "eva.bakker@vandijk.example"]) {
      const user = await sessionFor(email);
      expect(await updateBrand.execute(user, BRAND, now), email).toEqual({ ok: false, reason: "FORBIDDEN" });
      expect(await resetBrandSettings.execute(user, {}, now), email).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    expect(await updateBrand.execute(null, BRAND, now)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await brandState()).toBe(before);
    expect((await getBrand(db)).name).toBe("Loket");
  });

  it("refuses an SVG, a PDF, a logo over 500 KB and a broken PNG with the reason, and writes nothing, not even the name", async () => {
    const admin = await sessionFor("admin@loket.example");
    const before = await brandState();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const big = new Uint8Array(500 * 1024 + 1);
    big.set(PNG);
    const broken = PNG.slice(0, 40);
    for (const [bytes, reason] of [
      [svg, "LOGO_TYPE_NOT_ALLOWED"],
      [new TextEncoder().encode("%PDF-1.7\n"), "LOGO_TYPE_NOT_ALLOWED"],
      [big, "LOGO_TOO_LARGE"],
      [broken, "LOGO_UNREADABLE"],
    ] as const) {
      expect(await updateBrand.execute(admin, { ...BRAND, logo: logo(bytes, "logo.svg") }, now)).toEqual({ ok: false, reason, fieldErrors: { logo: [reason] } });
    }
    expect(await brandState()).toBe(before);
  });

  it("refuses a colour white text cannot be read on, with the reason, and writes nothing", async () => {
    const admin = await sessionFor("admin@loket.example");
    const before = await brandState();
    expect(await updateBrand.execute(admin, { ...BRAND, primaryColor: "#fde047" }, now)).toEqual({ ok: false, reason: "INVALID_INPUT", fieldErrors: { primaryColor: ["COLOUR_CONTRAST"] } });
    expect(await brandState()).toBe(before);
  });

  it("keeps the logo when none is sent, removes it when asked, and goes back to Loket on reset", async () => {
    const admin = await sessionFor("admin@loket.example");
    expect((await updateBrand.execute(admin, { ...BRAND, logo: logo(PNG) }, now)).ok).toBe(true);
    const version = (await getBrand(db)).logoVersion;
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect((await updateBrand.execute(admin, { ...BRAND, name: "Fonds Noord" }, now)).ok).toBe(true);
    expect(await getBrand(db)).toMatchObject({ name: "Fonds Noord", logoVersion: version });
    expect((await updateBrand.execute(admin, { ...BRAND, removeLogo: "on" }, now)).ok).toBe(true);
    expect(await getBrand(db)).toMatchObject({ logoVersion: null });
    expect(await getBrandLogo(db)).toBeNull();

    expect(await resetBrandSettings.execute(admin, {}, now)).toEqual({ ok: true, data: undefined });
    expect(await getBrand(db)).toMatchObject({ name: "Loket", custom: false });
    const mail = await deliverOne();
    expect(mail.from?.value[0]?.name).toBe("Loket");
  });
});
