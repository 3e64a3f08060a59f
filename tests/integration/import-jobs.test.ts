import { beforeEach, describe, expect, inject, it } from "vitest";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { startImport } from "@/lib/import/commands";
import { getImportJob, listImportJobs } from "@/lib/import/queries";
import { claimJob, runClaimedJob, runImportJobs } from "@/lib/import/runner";
import { runSweeps } from "@/lib/sweeps/run";
import { seedDemo, sessionFor } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");
let admin: SessionUser;

beforeEach(async () => {
  await seedDemo(NOW);
  admin = await sessionFor("admin@loket.example");
});

async function upload(kind: string, content: string, options: { dryRun?: boolean; invite?: boolean; fileName?: string } = {}) {
  const result = await startImport.execute(admin, { kind, dryRun: options.dryRun ?? false, invite: options.invite ?? false, fileName: options.fileName ?? "export.csv", content }, NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.data.id;
}

async function importFile(kind: string, content: string, options: { dryRun?: boolean; invite?: boolean; batchSize?: number } = {}) {
  const id = await upload(kind, content, options);
  await runImportJobs(db, NOW, { batchSize: options.batchSize });
  return db.importJob.findUniqueOrThrow({ where: { id } });
}

const domainCounts = async () => ({
  users: await db.user.count(),
  organisations: await db.organisation.count(),
  memberships: await db.membership.count(),
  invitations: await db.invitation.count(),
  outbox: await db.outboxMessage.count(),
});

// Line 1 the header; a BOM, `;`, a quoted field with the separator in it, Dutch headers.
const BENEFICIARIES = [
  "\uFEFFKlantnummer;Naam;E-mail;Telefoon;Straat;Postcode;Plaats;Taal",
  'IMP-01;"Jansen; Piet";piet.jansen@import.example;0612345678;Dorpsstraat 1;1234 ab;Utrecht;nl',
  "IMP-02;Sara El Amrani;sara@import.example;;Kerkweg 2;3511AB;Utrecht;en",
  "IMP-03;Geen Mail;niet-een-adres;;;;;",
  "IMP-04;Slechte Postcode;slecht@import.example;;Laan 3;0123 AB;Zeist;nl",
  "IMP-05;Te Kort",
  "IMP-01;Dubbel Nummer;dubbel@import.example;;;;;",
  ";Zonder Nummer;zonder@import.example;;;;;",
  "IMP-08;Anna Bezet;anna.jansen@burger.example;;;;;",
  "IMP-09;Kees Klaar;kees@import.example;;;;;",
].join("\r\n");

describe("a dry run", () => {
  it("changes nothing and lists every bad line with its line number, field and reason", async () => {
    const before = await domainCounts();
    const job = await importFile("BENEFICIARIES", BENEFICIARIES, { dryRun: true });
    expect(await domainCounts()).toEqual(before);
    expect(job.status).toBe("DONE");
    expect(job.totalRows).toBe(9);
    expect(job.processedRows).toBe(9);
    expect(job.problems).toEqual([
      { line: 2, field: "clientNumber", reason: "DUPLICATE_IN_FILE" },
      { line: 4, field: "email", reason: "BAD_EMAIL" },
      { line: 5, field: "postalCode", reason: "BAD_POSTAL_CODE" },
      { line: 6, field: null, reason: "COLUMN_COUNT" },
      { line: 7, field: "clientNumber", reason: "DUPLICATE_IN_FILE" },
      { line: 8, field: "clientNumber", reason: "MISSING_FIELD" },
      { line: 9, field: "email", reason: "EMAIL_IN_USE" },
    ]);
    // What a real run would do: lines 3 and 10 are new.
    expect({ created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount, problems: job.problemCount }).toEqual({ created: 2, updated: 0, unchanged: 0, problems: 7 });
  });

  it("a file without a required column names the column on line 1 and reads no line", async () => {
    const before = await domainCounts();
    const job = await importFile("BENEFICIARIES", "naam,e-mail\nPiet,piet@import.example\n", { dryRun: false });
    expect(job.problems).toEqual([{ line: 1, field: "clientNumber", reason: "MISSING_COLUMN" }]);
    expect(job.createdCount).toBe(0);
    expect(await domainCounts()).toEqual(before);
  });

  it("an unclosed quote is reported on its line and nothing is read", async () => {
    const job = await importFile("BENEFICIARIES", 'klantnummer,naam,email\nK-1,"Piet,piet@import.example\n', { dryRun: false });
    expect(job.status).toBe("DONE");
    expect(job.problems).toEqual([{ line: 2, field: null, reason: "MALFORMED_CSV" }]);
    expect(await db.user.count({ where: { clientNumber: "K-1" } })).toBe(0);
  });
});

describe("a real run", () => {
  it("creates the valid beneficiaries once, without a password; the same file again changes nothing", async () => {
    const first = await importFile("BENEFICIARIES", BENEFICIARIES, { batchSize: 3 });
    expect({ created: first.createdCount, updated: first.updatedCount, unchanged: first.unchangedCount, problems: first.problemCount }).toEqual({ created: 2, updated: 0, unchanged: 0, problems: 7 });
    const sara = await db.user.findUniqueOrThrow({ where: { clientNumber: "IMP-02" } });
    expect(sara).toMatchObject({ role: "BENEFICIARY", passwordHash: "!no-password", email: "sara@import.example", postalCode: "3511 AB", locale: "en", phone: null });
    expect(await db.user.count({ where: { clientNumber: { startsWith: "IMP-" } } })).toBe(2);

    const before = await domainCounts();
    const second = await importFile("BENEFICIARIES", BENEFICIARIES, { batchSize: 3 });
    expect({ created: second.createdCount, updated: second.updatedCount, unchanged: second.unchangedCount }).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await domainCounts()).toEqual(before);

    // A changed address is an update, and only that line changes.
    const moved = BENEFICIARIES.replace("Kerkweg 2;3511AB", "Kerkweg 4;3511AB");
    const third = await importFile("BENEFICIARIES", moved);
    expect({ created: third.createdCount, updated: third.updatedCount, unchanged: third.unchangedCount }).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await db.user.findUniqueOrThrow({ where: { clientNumber: "IMP-02" } })).postalStreet).toBe("Kerkweg 4");

    // The same numbers spelled otherwise ("imp02" is IMP-02) are the same people, not new ones;
    // two spellings of one number in one file are the same number twice (both lines, as any duplicate).
    const respelled = ["Klantnummer;Naam;E-mail;Straat;Postcode;Plaats", "imp02;Sara El Amrani;sara@import.example;Kerkweg 6;3511AB;Utrecht", "imp.09;Kees Klaar;kees@import.example;;;", "Imp-09;Kees Dubbel;kees2@import.example;;;"].join("\n");
    const fourth = await importFile("BENEFICIARIES", respelled);
    expect({ created: fourth.createdCount, updated: fourth.updatedCount, problems: fourth.problemCount }).toEqual({ created: 0, updated: 1, problems: 2 });
    expect(fourth.problems).toEqual([3, 4].map((line) => ({ line, field: "clientNumber", reason: "DUPLICATE_IN_FILE" })));
    expect(await db.user.count({ where: { role: "BENEFICIARY", name: { in: ["Sara El Amrani", "Kees Klaar", "Kees Dubbel"] } } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { clientNumber: "IMP-02" } })).postalStreet).toBe("Kerkweg 6");
  });

  it("takes people without an e-mail address (answered by post); an empty cell keeps an address already stored", async () => {
    const file = ["Klantnummer;Naam;E-mail;Straat;Postcode;Plaats", "IMP-20;Post Alleen;;Kade 1;1011AB;Amsterdam", "IMP-21;Nog Een Zonder;;Kade 2;1011AB;Amsterdam", "K-100231;Anna Jansen;;;;"].join("\n");
    const job = await importFile("BENEFICIARIES", file);
    expect({ created: job.createdCount, problems: job.problemCount }).toEqual({ created: 2, problems: 0 });
    expect(await db.user.findMany({ where: { clientNumber: { in: ["IMP-20", "IMP-21"] } }, select: { email: true, passwordHash: true }, orderBy: { clientNumber: "asc" } })).toEqual([
      { email: null, passwordHash: "!no-password" },
      { email: null, passwordHash: "!no-password" },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { clientNumber: "K-100231" } })).email).toBe("anna.jansen@burger.example");
  });

  it("blanks the file when done and writes one audit event with counts and no personal data", async () => {
    const job = await importFile("BENEFICIARIES", BENEFICIARIES, { batchSize: 2 });
    expect(job.content).toBe("");
    expect(job.finishedAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { entityType: "ImportJob", entityId: job.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "import.run", actorId: admin.id, data: { kind: "BENEFICIARIES", rows: 9, created: 2, updated: 0, unchanged: 0, problems: 7 } });
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/@|IMP-|Jansen/);
  });

  it("organisations: comma-separated English headers, kinds, CSM by e-mail; unknown kind and CSM are problems", async () => {
    const file = [
      "externalNumber,name,kind,chainPartner,csmEmail,street,postalCode,city",
      "WG-50001,Nieuw Bedrijf B.V.,employer,no,csm@loket.example,Industrieweg 5,3542 AD,Utrecht",
      "KP-50002,Gemeente Zeist,partner,yes,,,,",
      "WG-50003,Vreemd,vereniging,no,,,,",
      "WG-50004,Onbekende CSM,employer,no,niemand@loket.example,,,",
      "WG-40012,Bakkerij Van Dijk B.V.,,,,,,",
      'WG-40877,"Zorggroep Noord, locatie Groningen",,,,,,',
    ].join("\n");
    const job = await importFile("ORGANISATIONS", file);
    expect(job.problems).toEqual([
      { line: 4, field: "kind", reason: "UNKNOWN_KIND" },
      { line: 5, field: "csmEmail", reason: "UNKNOWN_CSM" },
    ]);
    expect({ created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount }).toEqual({ created: 2, updated: 1, unchanged: 1 });
    const csm = await db.user.findUniqueOrThrow({ where: { email: "csm@loket.example" } });
    expect(await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-50001" } })).toMatchObject({ kind: "EMPLOYER", customerSuccessManagerId: csm.id, postalCode: "3542 AD" });
    expect(await db.organisation.findUniqueOrThrow({ where: { externalNumber: "KP-50002" } })).toMatchObject({ kind: "PARTNER", isPartner: true });
    expect((await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } })).name).toBe("Zorggroep Noord, locatie Groningen");
    const again = await importFile("ORGANISATIONS", file);
    expect({ created: again.createdCount, updated: again.updatedCount, unchanged: again.unchangedCount }).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });

  it("organisations: KvK number and RSIN are read, a bad one is a problem of its line, an empty cell keeps what is stored", async () => {
    const file = [
      "werkgeversnummer;naam;kvk;rsin",
      "WG-50011;Eerste B.V.;8765 4321;002417583",
      "WG-50012;Tweede B.V.;87654321;002417584",
      "WG-50013;Derde B.V.;;",
    ].join("\n");
    const job = await importFile("ORGANISATIONS", file);
    expect(job.problems).toEqual([{ line: 3, field: "rsin", reason: "BAD_RSIN" }]);
    expect(await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-50011" } })).toMatchObject({ kvkNumber: "87654321", rsin: "002417583" });
    expect(await db.organisation.findUnique({ where: { externalNumber: "WG-50012" } })).toBeNull();
    expect(await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-50013" } })).toMatchObject({ kvkNumber: null, rsin: null });
    // A later file that changes the KvK number and leaves the RSIN empty: the RSIN stays.
    const update = await importFile("ORGANISATIONS", ["werkgeversnummer;naam;kvk;rsin", "WG-50011;Eerste B.V.;11223344;"].join("\n"));
    expect({ updated: update.updatedCount, problems: update.problems }).toEqual({ updated: 1, problems: [] });
    expect(await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-50011" } })).toMatchObject({ kvkNumber: "11223344", rsin: "002417583" });
  });

  it("employer contacts: new ones become invitations (mailed only with invite), members get their rights updated", async () => {
    const tom = await db.user.findUniqueOrThrow({ where: { email: "tom.visser@vandijk.example" }, include: { memberships: true } });
    const file = [
      "werkgeversnummer;e-mail;naam;rechten;telefoon",
      "WG-40012;nieuw@vandijk.example;Nieuwe Collega;SUBMIT_REQUESTS;",
      "WG-40012;tom.visser@vandijk.example;Tom Visser;MANAGE_EMPLOYEES|SUBMIT_REQUESTS;0301234567",
      "WG-99999;iemand@elders.example;Iemand;;",
      "WG-40012;lisa.smit@zorggroepnoord.example;Lisa Smit;;",
      "WG-40012;raar@vandijk.example;Raar Recht;ALLES;",
    ].join("\n");
    const outboxBefore = await db.outboxMessage.count();
    const dry = await importFile("EMPLOYER_CONTACTS", file, { dryRun: true, invite: true });
    expect(await db.invitation.count({ where: { email: "nieuw@vandijk.example" } })).toBe(0);
    expect(await db.outboxMessage.count()).toBe(outboxBefore);
    expect(dry.problems).toEqual([
      { line: 4, field: "organisationNumber", reason: "UNKNOWN_ORGANISATION" },
      { line: 5, field: "email", reason: "EMAIL_IN_USE" },
      { line: 6, field: "rights", reason: "BAD_VALUE" },
    ]);

    const job = await importFile("EMPLOYER_CONTACTS", file, { invite: true });
    expect({ created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount, problems: job.problemCount }).toEqual({ created: 1, updated: 1, unchanged: 0, problems: 3 });
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: "nieuw@vandijk.example" }, include: { organisation: true } });
    expect(invitation).toMatchObject({ name: "Nieuwe Collega", rights: ["SUBMIT_REQUESTS"], usedAt: null, revokedAt: null, invitedById: admin.id });
    expect(invitation.organisation?.externalNumber).toBe("WG-40012");
    expect(await db.outboxMessage.count({ where: { toAddress: "nieuw@vandijk.example", kind: "organisation.invite" } })).toBe(1);
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_organisationId: { userId: tom.id, organisationId: tom.memberships[0]!.organisationId } } });
    expect(membership.rights).toEqual(["MANAGE_EMPLOYEES", "SUBMIT_REQUESTS"]);

    const again = await importFile("EMPLOYER_CONTACTS", file, { invite: true });
    expect({ created: again.createdCount, updated: again.updatedCount, unchanged: again.unchangedCount }).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.invitation.count({ where: { email: "nieuw@vandijk.example" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: "nieuw@vandijk.example" } })).toBe(1);
  });

  it("employer contacts without invite: the invitation exists but nothing is mailed", async () => {
    const job = await importFile("EMPLOYER_CONTACTS", "organisationNumber,email,name\nWG-40877,stil@zorggroepnoord.example,Stille Collega\n");
    expect(job.createdCount).toBe(1);
    expect(await db.invitation.count({ where: { email: "stil@zorggroepnoord.example" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: "stil@zorggroepnoord.example" } })).toBe(0);
  });

  it("refuses to take MANAGE_USERS from an organisation's last manager", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" }, include: { memberships: true } });
    const managers = await db.membership.count({ where: { organisationId: eva.memberships[0]!.organisationId, rights: { has: "MANAGE_USERS" }, user: { active: true } } });
    expect(managers).toBe(1);
    const job = await importFile("EMPLOYER_CONTACTS", "werkgeversnummer;email;naam;rechten\nWG-40012;eva.bakker@vandijk.example;Eva Bakker;SUBMIT_REQUESTS\n");
    expect(job.problems).toEqual([{ line: 2, field: "rights", reason: "LAST_MANAGER" }]);
    expect((await db.membership.findFirstOrThrow({ where: { userId: eva.id } })).rights).toContain("MANAGE_USERS");
  });
});

describe("starting an import", () => {
  it("refuses an empty file, an unknown kind and anyone without import.run, and stores nothing then", async () => {
    const count = await db.importJob.count();
    expect(await startImport.execute(admin, { kind: "BENEFICIARIES", dryRun: true, invite: false, fileName: "leeg.csv", content: "\uFEFF  \n" }, NOW)).toEqual({ ok: false, reason: "EMPTY_FILE" });
    expect(await startImport.execute(admin, { kind: "PETS", dryRun: true, invite: false, fileName: "x.csv", content: "a\nb" }, NOW)).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
    const manager = await sessionFor("manager@loket.example");
    expect(await startImport.execute(manager, { kind: "BENEFICIARIES", dryRun: true, invite: false, fileName: "x.csv", content: "a\nb" }, NOW)).toEqual({ ok: false, reason: "FORBIDDEN" });
    expect(await startImport.execute(null, { kind: "BENEFICIARIES", dryRun: true, invite: false, fileName: "x.csv", content: "a\nb" }, NOW)).toEqual({ ok: false, reason: "UNAUTHENTICATED" });
    expect(await db.importJob.count()).toBe(count);
  });

  it("a job is read by id only by those who may import; an unknown id is not found; the file never leaves", async () => {
    const id = await upload("BENEFICIARIES", BENEFICIARIES, { dryRun: true });
    const job = await getImportJob(admin, id);
    expect(job).toMatchObject({ id, status: "QUEUED", kind: "BENEFICIARIES", dryRun: true });
    expect(job).not.toHaveProperty("content");
    expect(await getImportJob(admin, "no-such-job")).toBeNull();
    expect(await getImportJob(await sessionFor("manager@loket.example"), id)).toBeNull();
    expect(await getImportJob(await sessionFor("eva.bakker@vandijk.example"), id)).toBeNull();
    expect((await listImportJobs(admin)).map((j) => j.id)).toContain(id);
    expect(await listImportJobs(await sessionFor("coordinator@loket.example"))).toEqual([]);
  });
});

describe("the runner", () => {
  it("the sweep round picks up a waiting job (an upload whose web process stopped before running it)", async () => {
    const id = await upload("BENEFICIARIES", BENEFICIARIES);
    const report = await runSweeps(db, NOW);
    expect(report.imports).toEqual({ done: 1, failed: 0 });
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", createdCount: 2, content: "" });
  });

  it("takes over a running job whose heartbeat stopped, not one that is alive", async () => {
    const alive = await upload("BENEFICIARIES", BENEFICIARIES);
    const dead = await upload("BENEFICIARIES", BENEFICIARIES.replaceAll("IMP-", "IMP-9").replaceAll("@import", "@other"));
    await db.importJob.update({ where: { id: alive }, data: { status: "RUNNING", heartbeatAt: new Date(NOW.getTime() - 30_000) } });
    await db.importJob.update({ where: { id: dead }, data: { status: "RUNNING", heartbeatAt: new Date(NOW.getTime() - 3 * 60_000) } });
    const claimed = await claimJob(db, NOW);
    expect(claimed?.id).toBe(dead);
    expect(await claimJob(db, NOW)).toBeNull();
  });

  it("a runner whose job was taken over stops without writing; the new owner finishes it once", async () => {
    const id = await upload("BENEFICIARIES", BENEFICIARIES);
    const first = await claimJob(db, NOW);
    // The first runner stalls past the stale limit; a second one takes the job over.
    const second = await claimJob(db, new Date(NOW.getTime() + 3 * 60_000));
    expect([first?.id, second?.id]).toEqual([id, id]);
    expect(await runClaimedJob(db, first!, { batchSize: 2 })).toBe("LOST");
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "RUNNING", processedRows: 0, createdCount: 0 });
    expect(await db.user.count({ where: { clientNumber: { startsWith: "IMP-" } } })).toBe(0);
    expect(await runClaimedJob(db, second!, { batchSize: 2 })).toBe("DONE");
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", processedRows: 9, createdCount: 2 });
  });

  it.skipIf(inject("databaseKind") === "pglite")("two runners at once never both process a job (needs PostgreSQL: the embedded database runs one transaction at a time)", async () => {
    const id = await upload("BENEFICIARIES", BENEFICIARIES);
    const reports = await Promise.all([runImportJobs(db, NOW, { batchSize: 2 }), runImportJobs(db, NOW, { batchSize: 2 }), runImportJobs(db, NOW, { batchSize: 2 })]);
    expect(reports.reduce((n, r) => n + r.done, 0)).toBe(1);
    const job = await db.importJob.findUniqueOrThrow({ where: { id } });
    expect({ status: job.status, processed: job.processedRows, created: job.createdCount }).toEqual({ status: "DONE", processed: 9, created: 2 });
    expect(await db.user.count({ where: { clientNumber: { startsWith: "IMP-" } } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityType: "ImportJob", entityId: id } })).toBe(1);
  });
});
