import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { clientIp, consumeRateLimit } from "@/lib/security/rate-limit";
import { applyCtiEvent } from "@/lib/telephony/mutations";
import { ctiEventSchema } from "@/lib/telephony/schema";
import { verifyPayload } from "@/lib/telephony/signature";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const MAX_BODY = 16 * 1024;

/**
 * Call events from the telephone platform (README: Telephony). Signed with the Standard Webhooks
 * scheme and LOKET_CTI_SECRET; without a secret the endpoint is off. A redelivered event id
 * answers 200 again and changes nothing.
 */
export async function POST(request: Request) {
  const secret = process.env.LOKET_CTI_SECRET;
  if (!secret) return NextResponse.json({ error: "CTI_DISABLED" }, { status: 503 });
  const body = await request.text();
  if (body.length > MAX_BODY) return NextResponse.json({ error: "TOO_LARGE" }, { status: 413 });
  const headers = {
    id: request.headers.get("webhook-id"),
    timestamp: request.headers.get("webhook-timestamp"),
    signature: request.headers.get("webhook-signature"),
  };
  const refusal = verifyPayload(secret, headers, body, new Date());
  if (refusal) {
    // Only failures count, so a busy platform is never slowed; a guesser is stopped.
    const limit = await consumeRateLimit("cti_bad_signature_ip", clientIp(request.headers));
    if (!limit.ok) return NextResponse.json({ error: "TOO_MANY_ATTEMPTS" }, { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
    return NextResponse.json({ error: refusal }, { status: 401 });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return NextResponse.json({ error: "INVALID_JSON" }, { status: 400 });
  }
  const parsed = ctiEventSchema.safeParse(json);
  if (!parsed.success || headers.id!.length > 128) {
    return NextResponse.json({ error: "INVALID_EVENT", issues: parsed.error?.issues.map((i) => i.path.join(".")) ?? ["webhook-id"] }, { status: 422 });
  }
  const outcome = await db.$transaction((tx) => applyCtiEvent(tx, headers.id!, parsed.data));
  return NextResponse.json({ ok: true, duplicate: outcome.duplicate, state: outcome.state }, { status: 200 });
}
