// How the chat's route handlers answer: JSON with its length, a refusal as `{ error: CODE }` with the status that fits it.
import { NextResponse } from "next/server";

export function statusOf(reason: string): number {
  switch (reason) {
    case "UNAUTHENTICATED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
    case "TICKET_NOT_FOUND":
      return 404;
    case "INVALID_INPUT":
      return 422;
    case "UNEXPECTED":
      return 500;
    default:
      // A business refusal: the chat is closed, taken, at its limit...
      return 409;
  }
}

/**
 * A small JSON answer that Next's compression leaves alone: it drops a Content-Length we set and
 * gzips even a ten-byte body (a zlib stream per response, which under a busy chat line cost more
 * than the send itself); `no-transform` is the header the compression honours.
 */
export function jsonAnswer(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store, no-transform" } });
}

export function refusal(reason: string): NextResponse {
  return jsonAnswer({ error: reason }, statusOf(reason));
}

/** A JSON body, or null when it is not an object (answered as INVALID_INPUT). */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await request.json();
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
