// The events Loket reports to registered webhook endpoints, and what each one carries: ids and
// the few fields a back office acts on (numbers, states, dates), never message text.
export const WEBHOOK_EVENT_TYPES = [
  "ticket.created",
  "message.received",
  "ticket.status_changed",
  "sla.breached",
  "appointment.booked",
  "appointment.cancelled",
  "complaint.stage_changed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export interface WebhookPayloads {
  "ticket.created": { ticketId: string; number: string; channel: string; category: string; status: string; priority: string; organisationId: string | null; requesterId: string | null };
  "message.received": { ticketId: string; messageId: string; channel: string; reopened: boolean };
  "ticket.status_changed": { ticketId: string; from: string; to: string };
  "sla.breached": { ticketId: string; number: string; policy: string | null; dueAt: string; organisationId: string | null };
  "appointment.booked": { appointmentId: string; ticketId: string; date: string; slot: string };
  "appointment.cancelled": { appointmentId: string; ticketId: string; date: string; slot: string };
  "complaint.stage_changed": { complaintId: string; ticketId: string | null; organisationId: string | null; stage: string };
}

/** The JSON body a receiver gets: the Standard Webhooks envelope (type, timestamp, data). */
export interface WebhookEnvelope<T extends WebhookEventType = WebhookEventType> {
  type: T;
  timestamp: string;
  data: WebhookPayloads[T];
}
