import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import type { SqlTx } from "@/lib/db/sql";
import { staffTicketScope } from "@/lib/workspace/scope";
import { getSettingValue, getSlaPolicies } from "@/lib/settings/queries";
import { policyByKey } from "@/lib/sla/policies";
import { DEFAULT_URGENT_WORDS } from "./rules";

export const URGENT_WORDS_SETTING = "urgent.subjectWords";
export const EXPIRY_SETTING = "urgent.preAnnouncementExpiry";

/** The words that make a mail subject urgent (admin setting; the defaults in code). */
export async function getUrgentWords(client: SqlTx): Promise<readonly string[]> {
  const value = await getSettingValue(client, URGENT_WORDS_SETTING, z.object({ words: z.array(z.string()).min(1) }), { words: [...DEFAULT_URGENT_WORDS] });
  return value.words;
}

/** How long a phone pre-announcement matches mails: until the close of the n-th open day of the line. */
export async function getPreAnnouncementExpiry(client: SqlTx): Promise<{ lineKey: string; openDays: number }> {
  return getSettingValue(client, EXPIRY_SETTING, z.object({ lineKey: z.string().min(1), openDays: z.number().int().min(1).max(10) }), { lineKey: "EMPLOYER", openDays: 1 });
}

/**
 * The urgent side of a ticket the caller may already see (the page scoped it): the confirming
 * call's state and who recorded it, and the phone pre-announcement it was matched to.
 */
export async function getUrgentDetails(ticketId: string) {
  return db.urgentRequest.findUnique({
    where: { ticketId },
    select: {
      verification: true,
      verifiedAt: true,
      verifyNote: true,
      verifiedBy: { select: { name: true } },
      preAnnouncement: { select: { id: true, callerName: true, subject: true, createdAt: true, loggedBy: { select: { name: true } } } },
    },
  });
}

/**
 * Pre-announcements for the phone page, newest first, with the urgent request each was matched
 * to and, per organisation, the urgent requests still without one (to correct a match).
 */
export async function listPreAnnouncements(user: SessionUser, take = 20) {
  const rows = await db.preAnnouncement.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      status: true,
      callerName: true,
      subject: true,
      createdAt: true,
      expiresAt: true,
      organisationId: true,
      organisation: { select: { name: true } },
      urgentRequest: { select: { ticket: { select: { id: true, number: true, subject: true } } } },
    },
  });
  const organisationIds = [...new Set(rows.map((r) => r.organisationId))];
  const unlinked = organisationIds.length
    ? await db.ticket.findMany({
        where: { AND: [staffTicketScope(user), { organisationId: { in: organisationIds }, urgentRequest: { preAnnouncementId: null }, status: { not: "CLOSED" } }] },
        orderBy: { createdAt: "desc" },
        take: 100,
        select: { id: true, number: true, subject: true, organisationId: true },
      })
    : [];
  // A linked ticket outside the caller's scope (dossier content for the first line) is not named.
  const linkedIds = rows.flatMap((r) => (r.urgentRequest ? [r.urgentRequest.ticket.id] : []));
  const visible = new Set(
    linkedIds.length ? (await db.ticket.findMany({ where: { AND: [staffTicketScope(user), { id: { in: linkedIds } }] }, select: { id: true } })).map((t) => t.id) : [],
  );
  return rows.map((r) => ({
    ...r,
    linkedTicket: r.urgentRequest && visible.has(r.urgentRequest.ticket.id) ? r.urgentRequest.ticket : null,
    linkedElsewhere: r.urgentRequest !== null && !visible.has(r.urgentRequest.ticket.id),
    candidates: unlinked.filter((t) => t.organisationId === r.organisationId),
  }));
}

/** The urgent policy as the employer is told it: unit, amount and, for OPENING_HOURS, the line's name. */
export async function getUrgentPolicy() {
  const policy = policyByKey("URGENT_REQUEST", await getSlaPolicies(db));
  const line = policy.lineKey ? await db.contactLine.findUnique({ where: { key: policy.lineKey }, select: { nameNl: true, nameEn: true } }) : null;
  return { unit: policy.unit, amount: policy.amount, lineNameNl: line?.nameNl.toLowerCase() ?? null, lineNameEn: line?.nameEn.toLowerCase() ?? null };
}
