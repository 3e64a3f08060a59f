import "server-only";
import type { SessionUser } from "@/lib/auth/queries";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@prisma/client";
import { db } from "@/lib/db/client";
import { findPeopleByName } from "@/lib/people/search";
import { openWorkOf } from "./erasure";
import { personIsHeld } from "./holds";
import { getLastSweep, getRetentionSettings } from "./settings";

const mayManage = (user: SessionUser) => can(user, "privacy.manage");

/** The privacy page: terms, the last sweep's figures, active and recently released holds. */
export async function loadPrivacyOverview(user: SessionUser) {
  if (!mayManage(user)) return null;
  const [settings, lastSweep, holds] = await Promise.all([
    getRetentionSettings(db),
    getLastSweep(db),
    db.legalHold.findMany({
      orderBy: [{ releasedAt: { sort: "desc", nulls: "first" } }, { placedAt: "desc" }],
      take: 200,
      select: {
        id: true,
        reason: true,
        placedAt: true,
        releasedAt: true,
        placedBy: { select: { name: true } },
        ticket: { select: { number: true } },
        user: { select: { id: true, name: true, email: true } },
        organisation: { select: { name: true, externalNumber: true } },
      },
    }),
  ]);
  return { settings, lastSweep, holds };
}

/** Customers (beneficiaries, employer contacts) by name, e-mail address or client number, 25 by name. */
export async function searchPeople(user: SessionUser, q: string) {
  const query = q.trim();
  if (!mayManage(user) || query.length < 2) return [];
  // From the trigram indexes (lib/people/search.ts).
  const { rows } = await findPeopleByName(
    db,
    { scope: Prisma.sql`u.role IN ('BENEFICIARY', 'EMPLOYER_CONTACT')`, q: query },
    { take: 25 },
    { id: true, name: true, email: true, clientNumber: true, role: true, erasedAt: true, active: true },
  );
  return rows;
}

/** What Loket holds about one person: counts per class, holds, unfinished business. */
export async function loadPersonPrivacy(user: SessionUser, userId: string) {
  if (!mayManage(user)) return null;
  const person = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, clientNumber: true, phone: true, active: true, erasedAt: true, memberships: { select: { organisation: { select: { name: true, externalNumber: true } } } } },
  });
  if (!person) return null;
  const [tickets, anonymised, messages, attachments, calls, appointments, complaints, notifications, outbox, contactNotes, auditEvents, holds, held, open] = await Promise.all([
    db.ticket.count({ where: { requesterId: userId } }),
    db.ticket.count({ where: { requesterId: userId, anonymisedAt: { not: null } } }),
    db.message.count({ where: { ticket: { requesterId: userId } } }),
    db.attachment.count({ where: { message: { ticket: { requesterId: userId } } } }),
    db.callRecord.count({ where: { callerId: userId } }),
    db.callbackAppointment.count({ where: { personId: userId } }),
    db.complaint.count({ where: { complainantId: userId } }),
    db.notification.count({ where: { userId } }),
    person.email ? db.outboxMessage.count({ where: { toAddress: person.email } }) : 0,
    db.contactNote.count({ where: { subjectId: userId } }),
    db.auditEvent.count({ where: { OR: [{ actorId: userId }, { entityType: "User", entityId: userId }] } }),
    db.legalHold.findMany({
      where: { releasedAt: null, OR: [{ userId }, { ticket: { requesterId: userId } }, { organisation: { memberships: { some: { userId } } } }] },
      select: { id: true, reason: true, placedAt: true, ticket: { select: { number: true } }, organisation: { select: { name: true } }, userId: true },
    }),
    personIsHeld(db, userId),
    openWorkOf(db, userId),
  ]);
  return {
    person,
    counts: { tickets, anonymised, messages, attachments, calls, appointments, complaints, notifications, outbox, contactNotes, auditEvents },
    holds,
    held,
    open,
  };
}
