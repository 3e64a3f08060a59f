// Sending events as a telephone platform does: used by the simulator and the tests.
import { signPayload } from "./signature";

export interface CtiEventBody {
  type: "call.ringing" | "call.answered" | "call.ended";
  callId: string;
  at: string;
  callerNumber?: string;
  queue?: string;
  agentEmail?: string;
  waitSec?: number;
}

export async function postCtiEvent(url: string, secret: string, eventId: string, event: CtiEventBody, now = new Date()): Promise<Response> {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(now.getTime() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "webhook-id": eventId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signPayload(secret, eventId, timestamp, body),
    },
    body,
  });
}
