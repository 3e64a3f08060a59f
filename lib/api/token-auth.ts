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

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="loket"' };

export function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match && match[1]!.startsWith(TOKEN_PREFIX) ? match[1]! : null;
}

export async function authenticate(request: Request, now: Date): Promise<ApiCaller> {
  const secret = bearerOf(request);
  if (!secret) throw new ApiProblem(401, "TOKEN_MISSING", "Send an API token as 'Authorization: Bearer lk_…'.", undefined, CHALLENGE);
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, scopes: true, actorId: true, organisationId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  // Unknown, revoked and expired read the same to the caller: nothing to learn by probing.
  if (!token || tokenStatus(token, now) !== "ACTIVE") throw new ApiProblem(401, "TOKEN_INVALID", "This API token is unknown, revoked or expired.", undefined, CHALLENGE);
  const user = await loadSessionUser(token.actorId);
  if (!user) throw new ApiProblem(401, "TOKEN_INVALID", "The staff account this token acts as is no longer active.", undefined, CHALLENGE);
  // At most one write a minute per token; the condition keeps concurrent requests from racing it.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USE_INTERVAL_MS) {
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USE_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: token.id, scopes: new Set(token.scopes.filter(isApiScope)), organisationId: token.organisationId, user };
}
