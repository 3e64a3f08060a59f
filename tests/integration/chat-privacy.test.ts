// Chats follow the person: a merge moves them to the surviving account, and erasure or the
// retention anonymisation blanks what was said in them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mergeBeneficiaries } from "@/lib/beneficiaries/mutations";
import { anonymiseTickets } from "@/lib/privacy/anonymise";
import { erasePerson } from "@/lib/privacy/erasure";
import { ANONYMISED_TEXT, ERASED_TEXT } from "@/lib/privacy/rules";
import { seedDemo } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");
let adminId: string;
let categoryId: string;
let counter = 0;

beforeAll(async () => {
  await seedDemo(NOW);
  adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@loket.example" } })).id;
  categoryId = (await db.ticketCategory.findUniqueOrThrow({ where: { key: "PORTAL_HELP" } })).id;
});

async function beneficiary() {
  counter += 1;
  return db.user.create({ data: { email: `chat-privacy-${counter}@burger.example`, name: `Klant ${counter}`, role: "BENEFICIARY", passwordHash: "x" }, select: { id: true } });
}

async function chatOf(requesterId: string, data: { status?: "ABANDONED" | "ENDED"; ticketId?: string } = {}) {
  return db.chatSession.create({
    data: {
      requesterId,
      audience: "BENEFICIARY",
      categoryId,
      lineKey: "AVONDLIJN",
      status: data.status ?? "ABANDONED",
      ticketId: data.ticketId ?? null,
      lastSeq: 2,
      messages: {
        create: [
          { seq: 1, author: "CUSTOMER", authorId: requesterId, body: "Mijn BSN is 123456782" },
          { seq: 2, author: "AGENT", body: "Dank u, ik kijk het na." },
        ],
      },
    },
    select: { id: true },
  });
}

const bodies = async (chatId: string) => (await db.chatMessage.findMany({ where: { sessionId: chatId }, orderBy: { seq: "asc" } })).map((m) => m.body);

describe("chats and the person", () => {
  it("moves a duplicate's chats and chat lines to the surviving account on a merge", async () => {
    const [survivor, duplicate] = [await beneficiary(), await beneficiary()];
    const chat = await chatOf(duplicate.id);
    await db.$transaction((tx) => mergeBeneficiaries(tx, adminId, { survivorId: survivor.id, duplicateId: duplicate.id }, NOW));
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.id } })).requesterId).toBe(survivor.id);
    expect((await db.chatMessage.findFirstOrThrow({ where: { sessionId: chat.id, seq: 1 } })).authorId).toBe(survivor.id);
    expect(await db.chatSession.count({ where: { requesterId: duplicate.id } })).toBe(0);
  });

  it("blanks every chat of an erased person, filed or not, and leaves other people's chats alone", async () => {
    const [person, other] = [await beneficiary(), await beneficiary()];
    const loose = await chatOf(person.id);
    const untouched = await chatOf(other.id);
    await db.$transaction((tx) => erasePerson(tx, adminId, person.id, "Verzoek tot verwijdering", NOW));
    expect(await bodies(loose.id)).toEqual([ERASED_TEXT, ERASED_TEXT]);
    expect(await bodies(untouched.id)).toEqual(["Mijn BSN is 123456782", "Dank u, ik kijk het na."]);
  });

  it("blanks the chat filed on a ticket when the ticket is anonymised", async () => {
    const person = await beneficiary();
    const ticket = await db.ticket.create({
      data: { number: "LK-2020-990001", subject: "Chat: Hulp", categoryId, channel: "CHAT", status: "CLOSED", requesterId: person.id, closedAt: NOW, resolvedAt: NOW },
      select: { id: true },
    });
    const filed = await chatOf(person.id, { status: "ENDED", ticketId: ticket.id });
    const other = await chatOf(person.id);
    await db.$transaction((tx) => anonymiseTickets(tx, [ticket.id], NOW));
    expect(await bodies(filed.id)).toEqual([ANONYMISED_TEXT, ANONYMISED_TEXT]);
    // A chat not on that ticket keeps its text until its own term.
    expect(await bodies(other.id)).toEqual(["Mijn BSN is 123456782", "Dank u, ik kijk het na."]);
  });
});
