// Who is calling: the bearer token, looked up by its hash, and the staff account it acts as.
import "server-only";
import { loadSessionUser, type SessionUser } from "@/lib/auth/queries";
import { db } from "@/lib/db/client";
import { ApiProblem } from "./problem";
import { isApiScope, type ApiScope } from "./scopes";
import { hashToken, LAST_USE_INTERVAL_MS, tokenStatus, TOKEN_PREFIX } from "./token-rules";

export interface ApiCaller {
  tokenId: string;
  scopes: ReadonlySet<ApiScope>;
  /** Set: every read and write is narrowed to this organisation. */
  organisationId: string | null;
  user: SessionUser;
}

// RFC 6750: no credentials, just the challenge; credentials that are not a valid token, with the error.
const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="loket"' };
const INVALID = { "WWW-Authenticate": 'Bearer realm="loket", error="invalid_token"' };

/** The token sent, or why there is none: no Authorization header, or one that holds no Loket token. */
function bearerOf(request: Request): { secret: string } | { problem: "missing" | "malformed" } {
  const header = request.headers.get("authorization");
  if (!header?.trim()) return { problem: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match && match[1]!.startsWith(TOKEN_PREFIX) ? { secret: match[1]! } : { problem: "malformed" };
}

export async function authenticate(request: Request, now: Date): Promise<ApiCaller> {
  const sent = bearerOf(request);
  if ("problem" in sent) {
    if (sent.problem === "missing") throw new ApiProblem(401, "TOKEN_MISSING", "Send an API token as 'Authorization: Bearer lk_…'.", undefined, CHALLENGE);
    throw new ApiProblem(401, "TOKEN_INVALID", "The Authorization header holds no Loket API token: send 'Authorization: Bearer lk_…'.", undefined, INVALID);
  }
  const secret = sent.secret;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, scopes: true, actorId: true, organisationId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  // Unknown, revoked and expired read the same to the caller: nothing to learn by probing.
  if (!token || tokenStatus(token, now) !== "ACTIVE") throw new ApiProblem(401, "TOKEN_INVALID", "This API token is unknown, revoked or expired.", undefined, INVALID);
  const user = await loadSessionUser(token.actorId);
  if (!user) throw new ApiProblem(401, "TOKEN_INVALID", "The staff account this token acts as is no longer active.", undefined, INVALID);
  // At most one write a minute per token; the condition keeps concurrent requests from racing it.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_INTERVAL_MS) {
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USE_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: token.id, scopes: new Set(token.scopes.filter(isApiScope)), organisationId: token.organisationId, user };
}
