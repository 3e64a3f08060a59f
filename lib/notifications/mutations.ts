import "server-only";
import type { Locale, Prisma } from "@prisma/client";
import { audit } from "@/lib/audit/mutations";
import type { Db, Tx } from "@/lib/db/client";
import { sqlTransaction, type SqlTx } from "@/lib/db/sql";
import { newId } from "@/lib/db/ids";
import { enqueueMails, type OutgoingMail } from "@/lib/outbox/mutations";
import { choiceOf, DEFAULT_DELIVERY, deliveryFor, deliveryOf, hrefFor, notificationDigestMail, notificationMail, recipientKey, type DeliveryChoice, type NotificationData, type NotificationKind } from "./rules";

export class NotificationError extends Error {
  constructor(readonly code: "NOT_FOUND") {
    super(code);
    this.name = "NotificationError";
  }
}

function linkBase(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/$/, "");
}

export interface NotifyInput {
  recipients: readonly string[];
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  data: NotificationData;
  /** Names the event; each recipient gets it at most once (the person's id is added). */
  dedupeKey: string;
  now: Date;
}

/**
 * Tells each recipient once, in the app and/or by mail as they chose (a missing choice takes the
 * kind's default), inside the caller's transaction: the event, its notifications and their mails
 * commit together. Inactive accounts are skipped; an id that is no account at all fails the
 * transaction (a caller's mistake must not pass silently). Returns how many were new.
 */
export async function notify(tx: SqlTx, input: NotifyInput): Promise<number> {
  return notifyMany(tx, [input]);
}

export interface NotifyOptions {
  /**
   * "later": the mails wait in the notifications (mailPendingAt) until mailPendingNotifications
   * writes them, one per person and kind. The SLA sweep's wave commits its changes 500 at a time,
   * and mailed at once a person got a digest per transaction: 201 in bench:sweep's wave of 120,486.
   */
  mail?: "now" | "later";
}

/**
 * `notify` for many events at once (the SLA sweep's wave of breaches at 17:00): one read of the
 * people and their choices, one insert of all notifications; a mail for each new one that asks for it.
 */
export async function notifyMany(tx: SqlTx, inputs: readonly NotifyInput[], options: NotifyOptions = {}): Promise<number> {
  const later = options.mail === "later";
  const ids = [...new Set(inputs.flatMap((input) => input.recipients))];
  if (ids.length === 0) return 0;
  const kinds = [...new Set(inputs.map((input) => input.kind))];
  const people = await tx.$queryRaw<{ id: string; email: string | null; locale: Locale; active: boolean; notificationPreferences: { kind: string; inApp: boolean; mail: boolean }[] }[]>`
    SELECT u."id", u."email", u."locale"::text AS "locale", u."active",
      COALESCE((SELECT json_agg(json_build_object('kind', p."kind", 'inApp', p."inApp", 'mail', p."mail"))
        FROM "NotificationPreference" p WHERE p."userId" = u."id" AND p."kind" = ANY(${kinds}::text[])), '[]'::json) AS "notificationPreferences"
    FROM "User" u WHERE u."id" = ANY(${ids}::text[])`;
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const mails = new Map<string, WantedMail>();
  for (const input of inputs) {
    for (const userId of new Set(input.recipients)) {
      const person = byId.get(userId);
      if (person && !person.active) continue;
      const delivery = deliveryFor(input.kind, person?.notificationPreferences.find((p) => p.kind === input.kind));
      const id = newId();
      // Nobody to mail without an address (someone known only by letter): told in the app only.
      const email = person?.email ?? null;
      const wantsMail = delivery.mail && email !== null;
      rows.push({
        id,
        userId,
        kind: input.kind,
        dedupeKey: recipientKey(input.dedupeKey, userId),
        entityType: input.entityType,
        entityId: input.entityId,
        data: input.data as Prisma.InputJsonObject,
        createdAt: input.now,
        // Mail only: kept for the record and for de-duplication, but not unread in the bell.
        readAt: delivery.inApp ? null : input.now,
        mailedAt: wantsMail && !later ? input.now : null,
        mailPendingAt: wantsMail && later ? input.now : null,
      });
      if (wantsMail && person && email !== null) mails.set(id, { input, person: { id: person.id, email, locale: person.locale } });
    }
  }
  if (rows.length === 0) return 0;
  // Already told (same event, same person): skipped, and no second mail.
  // One statement, the rows as one JSON parameter (see auditMany: Prisma's createMany cost per row).
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("id", "userId", "kind", "dedupeKey", "entityType", "entityId", "data", "createdAt", "readAt", "mailedAt", "mailPendingAt")
    SELECT r."id", r."userId", r."kind", r."dedupeKey", r."entityType", r."entityId", r."data",
      r."createdAt" AT TIME ZONE 'UTC', r."readAt" AT TIME ZONE 'UTC', r."mailedAt" AT TIME ZONE 'UTC', r."mailPendingAt" AT TIME ZONE 'UTC'
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("id" text, "userId" text, "kind" text, "dedupeKey" text, "entityType" text, "entityId" text, "data" jsonb,
        "createdAt" timestamptz, "readAt" timestamptz, "mailedAt" timestamptz, "mailPendingAt" timestamptz)
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  if (!later) await enqueueMails(tx, mailsFor(rows, new Set(inserted.map((row) => row.id)), mails));
  return inserted.length;
}

/**
 * Writes the mails that notifications wait for (NotifyOptions, "later"): per person and kind one
 * mail, a digest when there are several, in the order the events came (those of one moment by
 * what they are about, oldest first). Each in its own transaction, which claims its notifications
 * by a conditional update: two sweepers write each mail once, and what a crash left waiting is
 * written by the next run. Returns the mails written.
 */
export async function mailPendingNotifications(db: Db, now: Date): Promise<number> {
  const groups = await db.$queryRaw<{ userId: string; kind: string }[]>`
    SELECT DISTINCT "userId", "kind" FROM "Notification" WHERE "mailPendingAt" IS NOT NULL`;
  let written = 0;
  for (const { userId, kind } of groups) {
    written += await sqlTransaction(db, async (tx) => {
      const [person] = await tx.$queryRaw<{ id: string; email: string | null; locale: Locale; active: boolean }[]>`
        SELECT "id", "email", "locale"::text AS "locale", "active" FROM "User" WHERE "id" = ${userId}`;
      const claimed = await tx.$queryRaw<{ id: string; entityId: string; data: NotificationData; createdAt: Date }[]>`
        UPDATE "Notification" SET "mailPendingAt" = NULL, "mailedAt" = ${person?.active && person.email ? now : null}
        WHERE "userId" = ${userId} AND "kind" = ${kind} AND "mailPendingAt" IS NOT NULL
        RETURNING "id", "entityId", "data", "createdAt"`;
      // Deactivated since: told in the app only, as notifyMany does for an inactive account.
      if (claimed.length === 0 || !person?.active || !person.email) return 0;
      // The events of one moment came from transactions side by side, so their own ids do not say
      // which came first: those list by what they are about, oldest first (ids sort as created).
      const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || byText(a.entityId, b.entityId) || byText(a.id, b.id));
      await enqueueMails(tx, [mailOf({ ...person, email: person.email }, kind as NotificationKind, claimed, now)]);
      return 1;
    });
  }
  return written;
}

type WantedMail = { input: NotifyInput; person: { id: string; email: string; locale: Locale } };

/**
 * The mails of the new notifications: one per person and kind when there is one event, one digest
 * listing them when there are several (a coordinator is not sent a thousand mails when the working
 * day ends and the clocks of a thousand tickets breach together). Either way in the notifications' transaction.
 */

function mailsFor(rows: readonly { id?: string }[], inserted: ReadonlySet<string>, wanted: ReadonlyMap<string, WantedMail>): (OutgoingMail & { ticketId?: null })[] {
  const groups = new Map<string, (WantedMail & { id: string })[]>();
  // In the callers' order, so a digest lists its events as they came.
  for (const { id } of rows) {
    const mail = id && inserted.has(id) ? wanted.get(id) : undefined;
    if (!mail) continue;
    const key = `${mail.person.id}\u0000${mail.input.kind}`;
    const group = groups.get(key) ?? [];
    group.push({ id: id!, ...mail });
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const { input, person } = group[0]!;
    return mailOf(person, input.kind, group.map((item) => ({ id: item.id, data: item.input.data })), input.now);
  });
}

/** One person's mail of one kind: the notification itself, or a digest that lists several. */
function mailOf(person: WantedMail["person"], kind: NotificationKind, items: readonly { id: string; data: NotificationData }[], at: Date): OutgoingMail & { ticketId?: null } {
  const preferences = `${linkBase()}/agent/meldingen/voorkeuren`;
  const mail =
    items.length === 1
      ? notificationMail(kind, items[0]!.data, person.locale, `${linkBase()}/agent/meldingen/${items[0]!.id}`, preferences)
      : notificationDigestMail(kind, items.map((item) => item.data), person.locale, `${linkBase()}/agent/meldingen`, preferences);
  return { kind: `notification.${kind}`, to: person.email, subject: mail.subject, text: mail.text, locale: person.locale, at };
}

/** Marks one of one's own notifications read and says where it leads; someone else's is not found. */
export async function openNotification(tx: Tx, userId: string, notificationId: string, now: Date): Promise<{ href: string }> {
  const row = await tx.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true, entityType: true, entityId: true, data: true, readAt: true } });
  if (!row) throw new NotificationError("NOT_FOUND");
  if (!row.readAt) await tx.notification.updateMany({ where: { id: row.id, readAt: null }, data: { readAt: now } });
  return { href: hrefFor(row.entityType, row.entityId, (row.data ?? {}) as NotificationData) };
}

export async function markAllRead(tx: Tx, userId: string, now: Date): Promise<number> {
  const { count } = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}

/** One's own choice per kind; audited, as every change is. */
export async function savePreferences(tx: Tx, userId: string, choices: readonly { kind: NotificationKind; choice: DeliveryChoice }[]): Promise<void> {
  for (const { kind, choice } of choices) {
    const delivery = deliveryOf(choice);
    // The default needs no row, so a later change of a kind's default reaches those who kept it.
    const isDefault = choiceOf(DEFAULT_DELIVERY[kind]) === choice;
    if (isDefault) await tx.notificationPreference.deleteMany({ where: { userId, kind } });
    else await tx.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, ...delivery }, update: delivery });
  }
  await audit(tx, { actorId: userId, action: "notification.preferences", entityType: "User", entityId: userId, data: { choices: Object.fromEntries(choices.map((c) => [c.kind, c.choice])) } });
}
