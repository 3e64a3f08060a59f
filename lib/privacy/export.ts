import "server-only";
import { audit } from "@/lib/audit/mutations";
import type { SessionUser } from "@/lib/auth/queries";
import { can } from "@/lib/auth/permissions";
import { db, type Db } from "@/lib/db/client";

// A person's data export (AVG art. 15 and 20): everything Loket holds about one person, as one
// plain object that serialises to JSON with ISO dates. Secrets are never selected: no password
// hash, TOTP secret, recovery codes or token hashes (the selects below name every column taken).
// Attachments are listed with their metadata and download path, not inlined.

export const PERSON_EXPORT_SCHEMA_VERSION = 1;

const person = { select: { id: true, name: true } } as const;

export async function collectPersonData(db: Db, userId: string, now: Date) {
  const account = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      phone: true,
      postalStreet: true,
      postalCode: true,
      postalCity: true,
      clientNumber: true,
      failedLogins: true,
      lockedUntil: true,
      lastLoginAt: true,
      totpEnabledAt: true,
      passwordChangedAt: true,
      mergedIntoId: true,
      erasedAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!account) return null;

  const [
    memberships,
    teams,
    tickets,
    messagesElsewhere,
    calls,
    appointments,
    contactNotes,
    complaints,
    escalations,
    satisfaction,
    notifications,
    notificationPreferences,
    emailChanges,
    invitations,
    auditEvents,
  ] = await Promise.all([
    db.membership.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { rights: true, hrProfessional: true, createdAt: true, organisation: { select: { id: true, name: true, externalNumber: true, kind: true } } },
    }),
    db.teamMember.findMany({ where: { userId }, select: { team: { select: { id: true, name: true } } } }),
    db.ticket.findMany({
      where: { requesterId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        number: true,
        subject: true,
        channel: true,
        replyChannel: true,
        status: true,
        priority: true,
        requesterName: true,
        requesterEmail: true,
        requesterPhone: true,
        createdAt: true,
        resolvedAt: true,
        closedAt: true,
        anonymisedAt: true,
        category: { select: { key: true, nameNl: true, nameEn: true } },
        organisation: { select: { name: true, externalNumber: true } },
        messages: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            direction: true,
            channel: true,
            body: true,
            automatic: true,
            createdAt: true,
            author: person,
            attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, createdAt: true } },
          },
        },
      },
    }),
    // What they wrote on tickets that are not theirs (a colleague's question, staff replies): where and when.
    db.message.findMany({
      where: { authorId: userId, ticket: { OR: [{ requesterId: null }, { requesterId: { not: userId } }] } },
      orderBy: { createdAt: "asc" },
      select: { id: true, direction: true, channel: true, createdAt: true, ticket: { select: { number: true } } },
    }),
    db.callRecord.findMany({
      where: { callerId: userId },
      orderBy: { startedAt: "asc" },
      select: { id: true, direction: true, callerName: true, phone: true, summary: true, startedAt: true, durationSec: true, anonymisedAt: true, ticket: { select: { number: true } }, agent: person },
    }),
    db.callbackAppointment.findMany({
      where: { personId: userId },
      orderBy: { bookedAt: "asc" },
      select: {
        id: true,
        date: true,
        slot: true,
        phone: true,
        status: true,
        bookedAt: true,
        cancelledAt: true,
        closedAt: true,
        ticket: { select: { number: true } },
        attempts: { orderBy: { attemptedAt: "asc" }, select: { outcome: true, note: true, attemptedAt: true } },
      },
    }),
    db.contactNote.findMany({ where: { subjectId: userId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, body: true, subjectPhone: true, createdAt: true } }),
    db.complaint.findMany({
      where: { complainantId: userId },
      orderBy: { receivedAt: "asc" },
      select: {
        id: true,
        stage: true,
        status: true,
        description: true,
        lastContactDate: true,
        handlerName: true,
        receivedAt: true,
        dueAt: true,
        answeredAt: true,
        ombudsRequestedAt: true,
        ombudsReason: true,
        referredAt: true,
        closedAt: true,
        ticket: { select: { number: true } },
        subjectTicket: { select: { number: true } },
      },
    }),
    db.escalation.findMany({
      where: { raisedById: userId },
      orderBy: { raisedAt: "asc" },
      select: {
        id: true,
        tier: true,
        reason: true,
        status: true,
        raisedAt: true,
        dueAt: true,
        outcome: true,
        closedAt: true,
        ticket: { select: { number: true } },
        organisation: { select: { name: true } },
        // The answers the coordinator or manager gave them: part of what Loket holds about their request.
        answers: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true, author: person } },
      },
    }),
    db.satisfactionResponse.findMany({
      where: { respondentId: userId },
      orderBy: { createdAt: "asc" },
      select: { score: true, comment: true, channel: true, createdAt: true, ticket: { select: { number: true } } },
    }),
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, entityType: true, entityId: true, data: true, createdAt: true, readAt: true, mailedAt: true } }),
    db.notificationPreference.findMany({ where: { userId }, orderBy: { kind: "asc" }, select: { kind: true, inApp: true, mail: true } }),
    db.emailChange.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { newEmail: true, createdAt: true, expiresAt: true, usedAt: true } }),
    db.invitation.findMany({
      where: { OR: [{ userId }, ...(account.email ? [{ email: account.email }] : [])] },
      orderBy: { createdAt: "asc" },
      select: { email: true, name: true, role: true, rights: true, hrProfessional: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true, organisation: { select: { name: true } }, invitedBy: person },
    }),
    db.auditEvent.findMany({
      where: { OR: [{ actorId: userId }, { entityType: "User", entityId: userId }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, actorId: true, action: true, entityType: true, entityId: true, ticketId: true, organisationId: true, data: true, createdAt: true },
    }),
  ]);

  return {
    schemaVersion: PERSON_EXPORT_SCHEMA_VERSION,
    generatedAt: now,
    account: { ...account, twoFactorEnabled: account.totpEnabledAt !== null },
    memberships,
    teams: teams.map((t) => t.team),
    tickets: tickets.map((t) => ({
      ...t,
      messages: t.messages.map((m) => ({ ...m, attachments: m.attachments.map((a) => ({ ...a, download: `/api/uploads/${a.id}` })) })),
    })),
    messagesElsewhere,
    calls,
    appointments,
    contactNotes,
    complaints,
    escalations,
    satisfaction,
    notifications,
    notificationPreferences,
    emailChanges,
    invitations,
    auditEvents: auditEvents.map((e) => ({ ...e, role: e.actorId === userId ? ("actor" as const) : ("subject" as const) })),
  };
}

export type PersonData = NonNullable<Awaited<ReturnType<typeof collectPersonData>>>;

export type PersonExportFormat = "json" | "html";

/**
 * The export as an admin asks for it: privacy.manage only, null for an unknown person. Audited as
 * privacy.export with the format alone: the event names whose data left, never the data itself.
 */
export async function exportPersonData(user: SessionUser, userId: string, format: PersonExportFormat, now: Date): Promise<{ ok: true; data: PersonData } | { ok: false; reason: "FORBIDDEN" | "NOT_FOUND" }> {
  if (!can(user, "privacy.manage")) return { ok: false, reason: "FORBIDDEN" };
  const data = await collectPersonData(db, userId, now);
  if (!data) return { ok: false, reason: "NOT_FOUND" };
  await audit(db, { actorId: user.id, action: "privacy.export", entityType: "User", entityId: userId, data: { format, schemaVersion: PERSON_EXPORT_SCHEMA_VERSION } });
  return { ok: true, data };
}
