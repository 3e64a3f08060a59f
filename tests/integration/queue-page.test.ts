import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@prisma/client";
import { COUNT_CAP, queueConditions, queuePageIds, RARE_TEXT, SEARCH_COUNT_CAP, searchPlan, type SearchPlan } from "@/lib/queue/sql";
import { WORD_START_BELOW } from "@/lib/db/text-match";
import { listSelect, PAGE_SIZE, QUEUE_ORDER, queueWhere, searchQueue } from "@/lib/tickets/queries";
import { seedDemo, sessionFor } from "../support/fixtures";

// The queue page reads its 25 rows with their category, team, assignee and urgent request in one
// statement. What the agent sees must be exactly what Prisma's own select gives for those tickets,
// in queue order, whatever the filter: no field lost or mistyped, no relation empty that is not.

// The moment the demo is seeded at (seedDemo's default), when the queue is read: the SLA states it
// judges are then the ones the seed stored.
const now = new Date("2026-11-24T10:00:00Z");

const STAFF = ["agent@loket.example", "behandelaar@loket.example", "coordinator@loket.example", "manager@loket.example"];

beforeAll(async () => {
  await seedDemo(now);
  // The edge cases of the joins: no team and no assignee; an urgent request with and without a confirming call due.
  const [first, second] = await db.ticket.findMany({ where: { status: "OPEN", teamId: { not: null } }, orderBy: { number: "asc" }, take: 2 });
  const organisation = await db.organisation.findFirstOrThrow();
  await db.ticket.update({ where: { id: first!.id }, data: { assigneeId: null, priority: "URGENT" } });
  await db.urgentRequest.deleteMany({ where: { ticketId: { in: [first!.id, second!.id] } } });
  const dueAt = new Date("2026-11-25T10:00:00Z");
  await db.urgentRequest.create({ data: { ticketId: first!.id, organisationId: organisation.id, reason: "r", forWhom: "w", receivedAt: dueAt, dueAt, verification: null } });
  await db.urgentRequest.create({ data: { ticketId: second!.id, organisationId: organisation.id, reason: "r", forWhom: "w", receivedAt: dueAt, dueAt, verification: "PENDING" } });
  const team = await db.ticket.findFirstOrThrow({ where: { status: "NEW" } });
  await db.ticket.update({ where: { id: team.id }, data: { teamId: null, assigneeId: (await db.user.findUniqueOrThrow({ where: { email: "behandelaar@loket.example" } })).id } });
});

describe("queue page", () => {
  it("shows each row exactly as Prisma's select of that ticket gives it, in queue order, for every staff role and filter", async () => {
    const filters = [{}, { status: "OPEN" as const }, { assignee: "none" as const }, { assignee: "me" as const }, { channel: "EMAIL" as const }, { q: "a" }, { verify: "1" as const }];
    let rows = 0;
    let urgent = 0;
    let teamless = 0;
    for (const email of STAFF) {
      const user = await sessionFor(email);
      for (const filter of filters) {
        const page = await searchQueue(user, { page: 0, ...filter }, now);
        const { ids, total } = await queuePageIds(db, user, filter, PAGE_SIZE, 0, now);
        expect(page.items.map((i) => i.id)).toEqual(ids);
        expect(page.total).toBe(Math.min(total, 1000));
        const byPrisma = await db.ticket.findMany({ where: { id: { in: ids } }, select: listSelect });
        const byId = new Map(byPrisma.map((t) => [t.id, t]));
        expect(page.items).toEqual(ids.map((id) => byId.get(id)));
        rows += page.items.length;
        urgent += page.items.filter((i) => i.urgentRequest).length;
        teamless += page.items.filter((i) => i.team === null).length;
      }
    }
    // The comparison covered real rows and the joins' edge cases.
    expect(rows).toBeGreaterThan(50);
    expect(urgent).toBeGreaterThan(0);
    expect(teamless).toBeGreaterThan(0);
  });
});

describe("queue pages past the first", () => {
  // The page and its capped total come from one statement that finds the matches in queue order
  // up to the cap, or to the page's end past it. Prisma's where and order are the independent
  // account of what each page must hold.
  it("pages in queue order, with the total capped past 1,000 and known on a page past the end", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const teamId = handler.teamIds[0]!;
    const category = await db.ticketCategory.findFirstOrThrow({ where: { dossierSensitive: false } });
    const due = Date.parse("2026-12-01T09:00:00Z");
    // Letters in one team, with due times that tie in pairs and some partners and urgent ones, so
    // every key of the order decides somewhere.
    await db.ticket.createMany({
      data: Array.from({ length: RARE_TEXT + 20 }, (_, i) => ({
        number: `LK-2031-${String(i + 1).padStart(6, "0")}`,
        subject: `Brief ${i}`,
        categoryId: category.id,
        channel: "LETTER" as const,
        status: i % 3 === 0 ? ("NEW" as const) : ("OPEN" as const),
        priority: i % 97 === 0 ? ("URGENT" as const) : ("NORMAL" as const),
        isPartner: i % 41 === 0,
        teamId,
        slaDueAt: i % 50 === 0 ? null : new Date(due + Math.floor(i / 2) * 60_000),
        createdAt: new Date(due - (i % 7) * 3_600_000),
      })),
    });
    const filter = { channel: "LETTER" as const, team: teamId };
    const matches = await db.ticket.count({ where: queueWhere(handler, filter, now) });
    expect(matches).toBeGreaterThan(COUNT_CAP);
    const inOrder = (await db.ticket.findMany({ where: queueWhere(handler, filter, now), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);

    for (const skip of [0, PAGE_SIZE, 500, COUNT_CAP - 10]) {
      const { ids, total } = await queuePageIds(db, handler, filter, PAGE_SIZE, skip, now);
      expect(ids, `skip ${skip}`).toEqual(inOrder.slice(skip, skip + PAGE_SIZE));
      expect(total, `skip ${skip}`).toBe(COUNT_CAP + 1);
    }
    // The last page and past the end: the rows there are, and the capped total all the same.
    const last = await queuePageIds(db, handler, filter, PAGE_SIZE, matches - 5, now);
    expect(last).toEqual({ ids: inOrder.slice(matches - 5), total: COUNT_CAP + 1 });
    expect(await queuePageIds(db, handler, filter, PAGE_SIZE, matches + 100, now)).toEqual({ ids: [], total: COUNT_CAP + 1 });
    // What the agent sees: more than 1,000, and at least 40 pages to go through.
    const page = await searchQueue(handler, { page: 2, ...filter }, now);
    expect(page).toMatchObject({ total: COUNT_CAP, capped: true, page: 2, pageCount: COUNT_CAP / PAGE_SIZE });
    expect(page.items.map((i) => i.id)).toEqual(inOrder.slice(2 * PAGE_SIZE, 3 * PAGE_SIZE));

    // A narrow search: an exact total on every page, also one past its end.
    const urgent = { ...filter, q: "Brief 20" };
    const few = (await db.ticket.findMany({ where: queueWhere(handler, urgent, now), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);
    expect(few.length).toBeGreaterThan(PAGE_SIZE);
    expect(few.length).toBeLessThan(SEARCH_COUNT_CAP);
    expect(await queuePageIds(db, handler, urgent, PAGE_SIZE, PAGE_SIZE, now)).toEqual({ ids: few.slice(PAGE_SIZE, 2 * PAGE_SIZE), total: few.length });
    expect(await queuePageIds(db, handler, urgent, PAGE_SIZE, few.length + PAGE_SIZE, now)).toEqual({ ids: [], total: few.length });
    expect(await queuePageIds(db, handler, { ...filter, q: "geen-brief-zo" }, PAGE_SIZE, 0, now)).toEqual({ ids: [], total: 0 });
  });
});

describe("the queue's search", () => {
  const ORDER = Prisma.sql`ORDER BY t.priority DESC, t."isPartner" DESC, t."slaDueAt" ASC NULLS LAST, t."createdAt" ASC, t.id ASC`;
  const idsBy = async (user: Awaited<ReturnType<typeof sessionFor>>, q: string, plan: SearchPlan) =>
    (await db.$queryRaw<{ id: string }[]>`SELECT t.id FROM "Ticket" t JOIN "TicketCategory" c ON c.id = t."categoryId" WHERE ${queueConditions(user, { q }, now, plan)} ${ORDER}`).map((r) => r.id);

  // The ways a search is answered (the ids collected beforehand, the indexes inside the page's
  // statement, or testing each ticket in queue order) must find the same tickets as Prisma's
  // "contains, any case" over the same places.
  it("finds the same tickets from the indexes as testing each ticket, and as Prisma's contains", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const ticket = await db.ticket.findFirstOrThrow({ where: { id: { in: (await queuePageIds(db, handler, {}, 200, 0, now)).ids }, requesterId: { not: null }, organisationId: { not: null } }, include: { requester: true, organisation: true, messages: true } });
    // Texts a search may hold: LIKE's own wildcards and escape, another case, part of a word.
    await db.ticket.update({ where: { id: ticket.id }, data: { subject: "Korting 50%_\\ op premie" } });
    const word = (text: string | undefined) => text?.split(/\s+/).find((w) => w.length >= 4) ?? "";
    const texts = [
      "PREMIE", ticket.requester!.name.slice(1, 6), ticket.requester!.email!.toUpperCase(), ticket.organisation!.name,
      ticket.organisation!.externalNumber, ticket.messages[0]?.body.slice(3, 15) ?? "", "vraag", "zzqx",
      // Several words, each anywhere: the subject's and the requester's, the organisation's and a
      // message's, a short one at the start of a word, and one nobody has.
      `premie ${word(ticket.requester!.name)}`, `${word(ticket.organisation!.name)} ${word(ticket.messages[0]?.body)}`, "op premie", "premie zzqx",
    ].filter((text) => text.trim().length >= WORD_START_BELOW);
    let found = 0;
    for (const q of texts) {
      const byPrisma = (await db.ticket.findMany({ where: queueWhere(handler, { q }, now), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);
      expect(await idsBy(handler, q, "indexes"), q).toEqual(byPrisma);
      expect(await idsBy(handler, q, "rows"), q).toEqual(byPrisma);
      expect(await idsBy(handler, q, await searchPlan(db, q)), q).toEqual(byPrisma);
      found += byPrisma.length;
    }
    expect(found).toBeGreaterThan(texts.length);
    expect(await idsBy(handler, `premie ${word(ticket.requester!.name)}`, await searchPlan(db, `premie ${word(ticket.requester!.name)}`))).toContain(ticket.id);
    expect(await idsBy(handler, "premie zzqx", "rows")).toEqual([]);
    // LIKE's own wildcards and escape are text like any other (Prisma's contains is no judge of a backslash).
    const all = (await queuePageIds(db, handler, {}, 10_000, 0, now)).ids.length;
    for (const q of ["korting 50%_\\", "50%", "%_\\", "0%_"]) {
      const byIndexes = await idsBy(handler, q, "indexes");
      expect(byIndexes, q).toContain(ticket.id);
      expect(byIndexes.length, q).toBeLessThan(all);
      expect(await idsBy(handler, q, "rows"), q).toEqual(byIndexes);
      expect(await idsBy(handler, q, await searchPlan(db, q)), q).toEqual(byIndexes);
    }
    expect(await idsBy(handler, "korting 50%_\\", "rows")).toEqual([ticket.id]);
  });

  it("answers a rare text from the indexes and a common or very short one ticket by ticket, and counts a search to 100", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const category = await db.ticketCategory.findFirstOrThrow({ where: { dossierSensitive: false } });
    await db.ticket.createMany({
      data: Array.from({ length: RARE_TEXT + 1 }, (_, i) => ({
        number: `LK-2032-${String(i + 1).padStart(6, "0")}`, subject: `Jaaropgaaf ${i}`, categoryId: category.id, channel: "PORTAL" as const, teamId: handler.teamIds[0]!,
      })),
    });
    // 7, 70-79 and 700-799: the rare text's tickets are collected once and handed to the page.
    const rare = await searchPlan(db, "Jaaropgaaf 7");
    const sevens = await db.ticket.findMany({ where: { subject: { startsWith: "Jaaropgaaf 7" } }, select: { id: true } });
    expect(typeof rare === "object" && [...rare.ids].sort()).toEqual(sevens.map((t) => t.id).sort());
    expect(sevens).toHaveLength(111);
    expect(await searchPlan(db, "jaaropgaaf")).toBe("rows");
    expect(await searchPlan(db, "Ja")).toBe("rows");
    expect(await searchPlan(db, "zq")).toEqual({ ids: [] });
    // No letter or digit: no trigram to look up.
    expect(await searchPlan(db, "%")).toBe("rows");
    expect(await searchPlan(db, "LK-2032-000123")).toBe("indexes");
    // A part of a number, the same way: LK-2032-000100 to -000199 from the index, all of 2032 walked.
    const hundreds = await searchPlan(db, "2032-0001");
    const byNumber = await db.ticket.findMany({ where: { number: { contains: "2032-0001" } }, select: { id: true } });
    expect(byNumber).toHaveLength(100);
    expect(typeof hundreds === "object" && [...hundreds.ids].sort()).toEqual(byNumber.map((t) => t.id).sort());
    expect(await searchPlan(db, "2032-")).toBe("rows");
    const walked = await idsBy(handler, "2032-0001", "rows");
    expect(walked).toHaveLength(100);
    expect(await idsBy(handler, "2032-0001", "indexes")).toEqual(walked);
    expect(await idsBy(handler, "2032-0001", hundreds)).toEqual(walked);
    // What the agent sees of the common one: more than 100, pages on, in queue order.
    const common = await searchQueue(handler, { page: 1, q: "jaaropgaaf" }, now);
    expect(common).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true, page: 1 });
    const inOrder = (await db.ticket.findMany({ where: queueWhere(handler, { q: "jaaropgaaf" }, now), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);
    expect(common.items.map((i) => i.id)).toEqual(inOrder.slice(PAGE_SIZE, 2 * PAGE_SIZE));
    // The 111 found from the indexes are shown as more than 100. Each word anywhere: "199" is in
    // 199, 1199 and 1990-1999, exactly 12.
    expect(await searchQueue(handler, { page: 0, q: "Jaaropgaaf 7" }, now)).toMatchObject({ total: SEARCH_COUNT_CAP, capped: true });
    expect(await searchQueue(handler, { page: 0, q: "Jaaropgaaf 199" }, now)).toMatchObject({ total: 12, capped: false, pageCount: 1 });
    // The rare word decides, whichever comes first; every word common: the queue is walked.
    const twelve = await searchPlan(db, "199 jaaropgaaf");
    expect(typeof twelve === "object" && twelve.ids.length).toBe(12);
    expect(await searchPlan(db, "jaaropgaaf Jaaropgaaf")).toBe("rows");
    expect(await searchPlan(db, "jaaropgaaf zzqx")).toEqual({ ids: [] });
  });

  it("finds every word of a search, each anywhere in the ticket, not only side by side", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const category = await db.ticketCategory.findFirstOrThrow({ where: { dossierSensitive: false } });
    const ticket = await db.ticket.create({
      data: { number: "LK-2034-000001", subject: "Ik kan mijn jaaropgave 2025 niet vinden", requesterName: "Wilhelmina Zandvoort", categoryId: category.id, channel: "PORTAL", teamId: handler.teamIds[0]! },
    });
    const byPrisma = async (q: string) => (await db.ticket.findMany({ where: queueWhere(handler, { q }, now), orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);
    // "2025" is a word of the text here, not a part of a registration number.
    for (const q of ["jaaropgave niet vinden", "Zandvoort jaaropgave", "  vinden   JAAROPGAVE ", "jaaropgave - vinden", "ik jaaropgave", "jaaropgave 2025", "Zandvoort, jaaropgave?", "(jaaropgave)", "jaaropgave gevonden", "Zandvoort Haarlem"]) {
      const want = await byPrisma(q);
      for (const plan of ["indexes", "rows", await searchPlan(db, q)] as const) expect(await idsBy(handler, q, plan), `${q} (${JSON.stringify(plan).slice(0, 20)})`).toEqual(want);
      // Every word must be there, wherever it is.
      expect(want.includes(ticket.id), q).toBe(!/gevonden|Haarlem/.test(q));
    }
  });

  it("finds a requester by the client number typed without its signs, as the people searches do", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const anna = await db.user.findUniqueOrThrow({ where: { email: "anna.jansen@burger.example" } });
    expect(anna.clientNumber).toBe("K-100231");
    const hers = (await db.ticket.findMany({ where: { AND: [queueWhere(handler, {}, now), { requesterId: anna.id }] }, orderBy: QUEUE_ORDER, select: { id: true } })).map((t) => t.id);
    expect(hers.length).toBeGreaterThan(0);
    for (const q of ["k100231", "K100231", "k.100.231"]) {
      for (const plan of ["indexes", "rows", await searchPlan(db, q)] as const) expect(await idsBy(handler, q, plan), `${q} (${JSON.stringify(plan).slice(0, 20)})`).toEqual(hers);
    }
  });

  it("keeps the text it searches with the ticket: a new one, a changed subject and requester, a removed one", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const category = await db.ticketCategory.findFirstOrThrow({ where: { dossierSensitive: false } });
    const ticket = await db.ticket.create({
      data: { number: "LK-2033-000001", subject: "Zwembadvergoeding", requesterName: "Quirine Oosterveld", categoryId: category.id, channel: "PORTAL", teamId: handler.teamIds[0]! },
    });
    const found = async (q: string) => idsBy(handler, q, "indexes");
    expect(await found("zwembadvergoeding")).toEqual([ticket.id]);
    expect(await found("oosterveld")).toEqual([ticket.id]);
    expect(await found("2033-0000")).toEqual([ticket.id]);
    // As an erasure or an edit writes them: the old text is no longer found, the new one is.
    await db.ticket.update({ where: { id: ticket.id }, data: { subject: "Sportvergoeding", requesterName: null } });
    expect(await found("zwembadvergoeding")).toEqual([]);
    expect(await found("oosterveld")).toEqual([]);
    expect(await found("sportvergoeding")).toEqual([ticket.id]);
    await db.ticket.delete({ where: { id: ticket.id } });
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM "TicketSearch" WHERE "ticketId" = ${ticket.id}`).toEqual([]);
  });

  // One or two characters are looked for at the start of a word (trigram indexes cannot find them
  // anywhere in a word, and walking the queue for them took 1.8 s at 1,000,000 tickets). The
  // account here is independent: every place a search looks, read through Prisma, tested in JS.
  it("finds one or two characters at the start of a word, in every place a search looks", async () => {
    const handler = await sessionFor("behandelaar@loket.example");
    const open = (await queuePageIds(db, handler, {}, 10_000, 0, now)).ids;
    const [ticket, other] = await db.ticket.findMany({ where: { id: { in: open }, requesterId: { not: null } }, orderBy: { number: "asc" }, take: 2 });
    await db.ticket.update({ where: { id: ticket!.id }, data: { subject: "Vraag over wqbetaling (kq-regeling) en de “zx-bijlage”" } });
    await db.message.create({ data: { ticketId: other!.id, direction: "INBOUND", channel: "PORTAL", body: "Goedendag,\nXw is mijn vraag.\t#yv" } });
    const places = await db.ticket.findMany({
      where: { id: { in: open } },
      select: {
        id: true, subject: true, requesterName: true, requesterEmail: true,
        requester: { select: { name: true, email: true, clientNumber: true } },
        organisation: { select: { name: true, externalNumber: true } },
        messages: { select: { body: true } },
      },
    });
    const BEFORE_A_WORD = " \n\r\t.,;:!?()<>{}[]/\\|_@'\"&+*#=~%$^`-";
    const startsAWord = (text: string | null | undefined, q: string) => {
      const hay = (text ?? "").toLowerCase();
      const needle = q.toLowerCase();
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) if (at === 0 || BEFORE_A_WORD.includes(hay[at - 1]!)) return true;
      return false;
    };
    const expected = (q: string) =>
      places
        .filter((t) =>
          [t.subject, t.requesterName, t.requesterEmail, t.requester?.name, t.requester?.email, t.requester?.clientNumber, t.organisation?.name, t.organisation?.externalNumber, ...t.messages.map((m) => m.body)].some((text) => startsAWord(text, q)),
        )
        .map((t) => t.id)
        .sort();
    const inQueueOrder = (ids: string[]) => open.filter((id) => ids.includes(id));
    let matched = 0;
    // "“z": a typographic quote first, which pg_trgm cannot read from an expression (lib/queue/sql.ts).
    for (const q of ["wq", "WQ", "kq", "xw", "yv", "qb", "j", "Ja", "vr", "a", "k-", ".*", "(", "“z", "“Z", "x”"]) {
      const want = inQueueOrder(expected(q));
      for (const plan of ["indexes", "rows", await searchPlan(db, q)] as const) expect(await idsBy(handler, q, plan), `${q} (${JSON.stringify(plan).slice(0, 20)})`).toEqual(want);
      matched += want.length;
    }
    // The start of a word in the subject, after "(", in a message after a line break and after "#".
    for (const q of ["wq", "kq", "“z"]) expect(await idsBy(handler, q, await searchPlan(db, q))).toContain(ticket!.id);
    for (const q of ["xw", "yv"]) expect(await idsBy(handler, q, await searchPlan(db, q))).toContain(other!.id);
    // The middle of a word is not its start.
    expect(expected("qb")).not.toContain(ticket!.id);
    expect(matched).toBeGreaterThan(20);
  });
});
