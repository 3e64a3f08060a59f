import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createKbArticle, publishKbArticle, updateKbArticle } from "@/lib/kb/commands";
import { listPublicFaq, searchPublicArticles, searchStaffArticles } from "@/lib/kb/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");

beforeAll(async () => {
  await seedDemo(now);
});

const article = {
  kind: "ARTICLE",
  audience: "PUBLIC",
  locale: "nl",
  question: "Hoe vraag ik een betalingsspecificatie aan?",
  answer: "U vindt uw betalingsspecificatie in Mijn Loket onder Documenten.",
  tags: "betaling, specificatie",
  published: true,
};

describe("public knowledge base", () => {
  it("finds published public articles by words of a question, best match first", async () => {
    const found = await searchPublicArticles(db, "Wanneer wordt mijn uitkering betaald?", "nl");
    expect(found[0]?.question).toBe("Wanneer wordt mijn uitkering betaald?");
    expect(await searchPublicArticles(db, "jaaropgave", "nl", 5)).toHaveLength(1);
  });

  it("never returns internal articles, call scripts or drafts", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const draft = await createKbArticle.execute(coordinator, { ...article, question: "Concept over verificatie van bellers", published: false }, now);
    expect(draft.ok).toBe(true);
    expect(await searchPublicArticles(db, "verificatie", "nl")).toEqual([]);
    const faq = await listPublicFaq(db, "nl");
    expect(faq.length).toBe(await db.kbArticle.count({ where: { audience: "PUBLIC", published: true, locale: "nl" } }));
    expect(faq.some((a) => a.question.startsWith("Belscript"))).toBe(false);
  });

  it("returns nothing for an empty or stop-word query and nothing in another locale", async () => {
    expect(await searchPublicArticles(db, "  de het een ", "nl")).toEqual([]);
    expect(await searchPublicArticles(db, "uitkering", "en")).toEqual([]);
  });
});

describe("managing articles", () => {
  it("lets a coordinator create, edit and publish; the article appears for the portals once public and published", async () => {
    const coordinator = await sessionFor("coordinator@loket.example");
    const created = await createKbArticle.execute(coordinator, { ...article, published: false }, now);
    if (!created.ok) throw new Error(created.reason);
    expect(await searchPublicArticles(db, "betalingsspecificatie", "nl")).toEqual([]);
    const published = await publishKbArticle.execute(coordinator, { id: created.data.id, published: true }, now);
    expect(published.ok).toBe(true);
    expect((await searchPublicArticles(db, "betalingsspecificatie", "nl")).map((a) => a.id)).toEqual([created.data.id]);
    const edited = await updateKbArticle.execute(coordinator, { ...article, id: created.data.id, audience: "INTERNAL" }, now);
    expect(edited.ok).toBe(true);
    expect(await searchPublicArticles(db, "betalingsspecificatie", "nl")).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityId: created.data.id } })).toBe(3);
  });

  it("stores a script tag as plain text, never altered into markup", async () => {
    const admin = await sessionFor("admin@loket.example");
    const body = "Antwoord <script>alert('x')</script> met tekst";
    const created = await createKbArticle.execute(admin, { ...article, answer: body }, now);
    if (!created.ok) throw new Error(created.reason);
    const row = await db.kbArticle.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.answer).toBe(body);
  });

  it("refuses agents and case handlers, bad input and unknown articles, writing nothing", async () => {
    const before = await db.kbArticle.count();
    for (const email of ["agent@loket.example", "behandelaar@loket.example", "anna.jansen@burger.example"]) {
      const result = await createKbArticle.execute(await sessionFor(email), article, now);
      expect(result).toEqual({ ok: false, reason: "FORBIDDEN" });
    }
    const coordinator = await sessionFor("coordinator@loket.example");
    const bad = await createKbArticle.execute(coordinator, { ...article, question: "?" }, now);
    expect(bad.ok === false && bad.reason).toBe("INVALID_INPUT");
    expect(bad.ok === false && bad.fieldErrors?.question).toEqual(["TOO_SHORT:5"]);
    const missing = await publishKbArticle.execute(coordinator, { id: "nope", published: true }, now);
    expect(missing).toEqual({ ok: false, reason: "NOT_FOUND" });
    expect(await db.kbArticle.count()).toBe(before);
  });

  it("shows staff internal articles and call scripts, drafts only to managers of the knowledge base", async () => {
    const scripts = await searchStaffArticles(db, { query: "dossier klantnummer", includeDrafts: false });
    expect(scripts.items[0]?.kind).toBe("CALL_SCRIPT");
    const drafts = await searchStaffArticles(db, { includeDrafts: false });
    expect(drafts.items.every((a) => a.published)).toBe(true);
    const all = await searchStaffArticles(db, { includeDrafts: true });
    expect(all.total).toBeGreaterThan(drafts.total);
  });
});
