// Pure rules of notifications: which kinds exist, how each reaches a person by default, where
// each one leads, and the short mail that carries it. No I/O.
import type { Locale } from "@prisma/client";

export const NOTIFICATION_KINDS = [
  "sla.at_risk",
  "sla.breached",
  "preAnnouncement.handover",
  "escalation.assigned",
  "escalation.moved_up",
  "complaint.stage_due",
  "mail.sender_unverified",
  "webhook.paused",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export interface Delivery {
  inApp: boolean;
  mail: boolean;
}

/**
 * Without a preference row: everything in the app; by mail only what must not wait for someone
 * to look at the bell (a breached clock, a complaint's legal deadline). Escalations already mail
 * their owner a message of their own, so a second mail would only repeat it.
 */
export const DEFAULT_DELIVERY: Readonly<Record<NotificationKind, Delivery>> = {
  "sla.at_risk": { inApp: true, mail: false },
  "sla.breached": { inApp: true, mail: true },
  "preAnnouncement.handover": { inApp: true, mail: false },
  "escalation.assigned": { inApp: true, mail: false },
  "escalation.moved_up": { inApp: true, mail: false },
  "complaint.stage_due": { inApp: true, mail: true },
  "mail.sender_unverified": { inApp: true, mail: false },
  // A back office no longer hears from Loket: admins should not have to look at the bell first.
  "webhook.paused": { inApp: true, mail: true },
};

export function deliveryFor(kind: string, row: Delivery | null | undefined): Delivery {
  if (row) return { inApp: row.inApp, mail: row.mail };
  return isNotificationKind(kind) ? DEFAULT_DELIVERY[kind] : { inApp: true, mail: false };
}

/** The preference page's three choices; "neither" is not offered: a notification must reach someone. */
export const DELIVERY_CHOICES = ["APP", "MAIL", "BOTH"] as const;
export type DeliveryChoice = (typeof DELIVERY_CHOICES)[number];

export function choiceOf(delivery: Delivery): DeliveryChoice {
  if (delivery.inApp && delivery.mail) return "BOTH";
  return delivery.mail ? "MAIL" : "APP";
}

export function deliveryOf(choice: DeliveryChoice): Delivery {
  return { inApp: choice !== "MAIL", mail: choice !== "APP" };
}

/** One notification per event and person: the caller's key names the event, this adds the person. */
export function recipientKey(dedupeKey: string, userId: string): string {
  return `${dedupeKey}:${userId}`;
}

/** What the inbox shows without reading the item again: references and states, never a body. */
export interface NotificationData {
  number?: string | null;
  subject?: string | null;
  state?: string | null;
  stage?: string | null;
  tier?: number | null;
  organisation?: string | null;
  ticketId?: string | null;
  dueAt?: string | null;
}

/** Where a notification leads in the agent workspace. */
export function hrefFor(entityType: string, entityId: string, data: NotificationData): string {
  switch (entityType) {
    case "Ticket":
      return `/agent/tickets/${entityId}`;
    case "Complaint":
      return `/agent/klachten/${entityId}`;
    case "Escalation":
      return "/agent/escalaties";
    case "CallbackAppointment":
      return "/agent/terugbellen";
    case "PreAnnouncement":
      return "/agent/telefoon";
    case "WebhookEndpoint":
      return `/agent/beheer/webhooks/${entityId}`;
    case "InboundMail":
      return data.ticketId ? `/agent/tickets/${data.ticketId}` : "/agent/meldingen";
    default:
      return "/agent/meldingen";
  }
}

export const PAGE_SIZE = 20;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** A page number from the query string, clamped to what exists. */
export function pageOf(raw: string | undefined, total: number): number {
  const n = Number.parseInt(raw ?? "1", 10);
  return Math.min(Math.max(Number.isFinite(n) ? n : 1, 1), pageCount(total));
}

/** A complaint stage warns from one day before its due time, and again once it has passed. */
export const COMPLAINT_WARNING_MS = 86_400_000;

export function complaintDueState(dueAt: Date, now: Date): "DUE_SOON" | "OVERDUE" | null {
  if (dueAt.getTime() <= now.getTime()) return "OVERDUE";
  return dueAt.getTime() - now.getTime() <= COMPLAINT_WARNING_MS ? "DUE_SOON" : null;
}

// The mail is short and carries only the reference: the content stays behind the login.
const MAIL_TITLES: Record<Locale, Record<NotificationKind, (d: NotificationData) => string>> = {
  nl: {
    "sla.at_risk": (d) => `Termijn loopt bijna af: ${d.number ?? ""}`,
    "sla.breached": (d) => `Termijn overschreden: ${d.number ?? ""}`,
    "preAnnouncement.handover": (d) => `Spoedverzoek aan u overgedragen${d.organisation ? `: ${d.organisation}` : ""}`,
    "escalation.assigned": (d) => `Escalatie niveau ${d.tier ?? 1} aan u toegewezen${d.number ? `: ${d.number}` : ""}`,
    "escalation.moved_up": (d) => `Escalatie naar niveau 2${d.number ? `: ${d.number}` : ""}`,
    "complaint.stage_due": (d) => `${d.state === "OVERDUE" ? "Klachttermijn verstreken" : "Klachttermijn loopt af"}: ${d.number ?? ""}`,
    "mail.sender_unverified": (d) => `E-mail van niet-geverifieerde afzender: ${d.number ?? ""}`,
    "webhook.paused": (d) => `Webhook gepauzeerd na een dag storing: ${d.subject ?? ""}`,
  },
  en: {
    "sla.at_risk": (d) => `Deadline nearly reached: ${d.number ?? ""}`,
    "sla.breached": (d) => `Deadline missed: ${d.number ?? ""}`,
    "preAnnouncement.handover": (d) => `Urgent request handed over to you${d.organisation ? `: ${d.organisation}` : ""}`,
    "escalation.assigned": (d) => `Escalation tier ${d.tier ?? 1} assigned to you${d.number ? `: ${d.number}` : ""}`,
    "escalation.moved_up": (d) => `Escalation moved up to tier 2${d.number ? `: ${d.number}` : ""}`,
    "complaint.stage_due": (d) => `${d.state === "OVERDUE" ? "Complaint deadline passed" : "Complaint deadline approaching"}: ${d.number ?? ""}`,
    "mail.sender_unverified": (d) => `Mail from an unverified sender: ${d.number ?? ""}`,
    "webhook.paused": (d) => `Webhook paused after a day of failures: ${d.subject ?? ""}`,
  },
};

// Several events of one kind for one person at once (the SLA sweep's wave when the working day
// ends): one mail that lists them, not one mail each.
const DIGEST_TITLES: Record<Locale, Record<NotificationKind, (count: number) => string>> = {
  nl: {
    "sla.at_risk": (n) => `${n} termijnen lopen bijna af`,
    "sla.breached": (n) => `${n} termijnen overschreden`,
    "preAnnouncement.handover": (n) => `${n} spoedverzoeken aan u overgedragen`,
    "escalation.assigned": (n) => `${n} escalaties aan u toegewezen`,
    "escalation.moved_up": (n) => `${n} escalaties naar niveau 2`,
    "complaint.stage_due": (n) => `${n} klachttermijnen lopen af of zijn verstreken`,
    "mail.sender_unverified": (n) => `${n} e-mails van niet-geverifieerde afzenders`,
    "webhook.paused": (n) => `${n} webhooks gepauzeerd na een dag storing`,
  },
  en: {
    "sla.at_risk": (n) => `${n} deadlines nearly reached`,
    "sla.breached": (n) => `${n} deadlines missed`,
    "preAnnouncement.handover": (n) => `${n} urgent requests handed over to you`,
    "escalation.assigned": (n) => `${n} escalations assigned to you`,
    "escalation.moved_up": (n) => `${n} escalations moved up to tier 2`,
    "complaint.stage_due": (n) => `${n} complaint deadlines approaching or passed`,
    "mail.sender_unverified": (n) => `${n} mails from unverified senders`,
    "webhook.paused": (n) => `${n} webhooks paused after a day of failures`,
  },
};

/** How many events a digest mail names; the rest it counts. */
export const DIGEST_LISTED = 20;

function mailTitle(kind: NotificationKind, data: NotificationData, locale: Locale): string {
  return MAIL_TITLES[locale][kind](data).trim().replace(/:$/, "");
}

function mailText(locale: Locale, body: string, link: string, preferencesLink: string): string {
  return locale === "en"
    ? `${body}\n\nOpen it in Loket: ${link}\n\nYou receive this mail because of your notification settings: ${preferencesLink}`
    : `${body}\n\nOpenen in Loket: ${link}\n\nU ontvangt deze e-mail door uw instellingen voor meldingen: ${preferencesLink}`;
}

export function notificationMail(kind: NotificationKind, data: NotificationData, locale: Locale, link: string, preferencesLink: string): { subject: string; text: string } {
  const title = mailTitle(kind, data, locale);
  return { subject: `Loket: ${title}`, text: mailText(locale, title, link, preferencesLink) };
}

/** One mail for several events of one kind: the count, the first DIGEST_LISTED by reference, the rest counted. */
export function notificationDigestMail(kind: NotificationKind, items: readonly NotificationData[], locale: Locale, link: string, preferencesLink: string): { subject: string; text: string } {
  const title = DIGEST_TITLES[locale][kind](items.length);
  const lines = items.slice(0, DIGEST_LISTED).map((data) => `- ${mailTitle(kind, data, locale)}`);
  const more = items.length - DIGEST_LISTED;
  if (more > 0) lines.push(locale === "en" ? `- and ${more} more` : `- en ${more} meer`);
  return { subject: `Loket: ${title}`, text: mailText(locale, `${title}:\n\n${lines.join("\n")}`, link, preferencesLink) };
}
