// The base of every /api/v1 route handler, the API-token variant of the server-action base
// (lib/actions/define.ts): authenticate the bearer token, count it against its rate limit, check
// the endpoint's scope and the permission the same server action needs (for the staff account the
// token acts as), parse the JSON body, replay idempotent creates, and answer every refusal as RFC
// 9457 problem details. Handlers then call the same commands the server actions call.
import "server-only";
import type { ActionResult } from "@/lib/actions/define";
import type { SessionUser } from "@/lib/auth/queries";
import { can, type Permission } from "@/lib/auth/permissions";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { idempotencyKeyOf, requestHashOf, withIdempotency, type StoredAnswer } from "./idempotency";
import { ApiProblem, fieldProblems, statusOfReason } from "./problem";
import type { ApiScope } from "./scopes";
import { authenticate, type ApiCaller } from "./token-auth";
import "@/lib/forms/zod-codes";

export interface ApiContext {
  caller: ApiCaller;
  user: SessionUser;
  now: Date;
  url: URL;
  params: Record<string, string>;
  /** The parsed JSON body (POST, PATCH); undefined otherwise. */
  body: unknown;
}

export interface ApiEndpoint {
  scope: ApiScope;
  /** The permission of the server action doing the same (read: the page showing the same). */
  permission: Permission;
  /** A create: honours Idempotency-Key. */
  idempotent?: boolean;
  handler: (ctx: ApiContext) => Promise<StoredAnswer>;
}

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

export function apiRoute(endpoint: ApiEndpoint) {
  return async function handle(request: Request, route?: RouteContext): Promise<Response> {
    const now = new Date();
    try {
      const caller = await authenticate(request, now);
      const limit = await consumeRateLimit("api_token", caller.tokenId);
      if (!limit.ok) {
        throw new ApiProblem(429, "RATE_LIMITED", `Too many requests for this token. Try again in ${limit.retryAfterSeconds} seconds.`, undefined, { "Retry-After": String(limit.retryAfterSeconds) });
      }
      if (!caller.scopes.has(endpoint.scope)) throw new ApiProblem(403, "INSUFFICIENT_SCOPE", `This token lacks the scope '${endpoint.scope}'.`);
      if (!can(caller.user, endpoint.permission)) throw new ApiProblem(403, "FORBIDDEN", "The staff account this token acts as may not do this.");
      const rawParams = (await route?.params) ?? {};
      const params = Object.fromEntries(Object.entries(rawParams).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const url = new URL(request.url);
      const body = request.method === "GET" || request.method === "DELETE" ? undefined : await jsonBody(request);
      const ctx: ApiContext = { caller, user: caller.user, now, url, params, body };
      const key = endpoint.idempotent ? idempotencyKeyOf(request) : null;
      if (!key) return answer(await endpoint.handler(ctx), false);
      const result = await withIdempotency(caller.tokenId, key, requestHashOf(request.method, url.pathname, body), now, async () => {
        try {
          return await endpoint.handler(ctx);
        } catch (error) {
          // A refusal is an answer too, but not one to keep: the client may fix and resend.
          if (error instanceof ApiProblem) return { status: error.status, body: error };
          throw error;
        }
      });
      if (result.body instanceof ApiProblem) return result.body.response();
      return answer(result, result.replayed);
    } catch (error) {
      if (error instanceof ApiProblem) return error.response();
      // Logged with the path only: bodies may hold personal data.
      console.error(`[api ${request.method} ${new URL(request.url).pathname}] failed`, error instanceof Error ? error.stack : error);
      return new ApiProblem(500, "UNEXPECTED", "Something went wrong on our side. Try again later.").response();
    }
  };
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem(400, "INVALID_JSON", "The request body is not valid JSON.");
  }
}

function answer(result: StoredAnswer, replayed: boolean): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (replayed) headers["Idempotent-Replayed"] = "true";
  return new Response(result.status === 204 ? null : JSON.stringify(result.body), { status: result.status, headers });
}

/** A server action's result as the API's answer: the data, or its refusal as a problem. */
export function fromAction<T>(result: ActionResult<T>, status = 200): StoredAnswer {
  if (result.ok) return { status, body: result.data ?? null };
  const refused = statusOfReason(result.reason);
  throw new ApiProblem(refused, result.reason, REFUSAL_DETAIL[refused], result.fieldErrors ? fieldProblems(result.fieldErrors) : undefined);
}

// What a refusal of the domain means, beside its code (which the reference lists per endpoint).
const INVALID_DETAIL = "Some fields are missing or invalid; see errors.";
const NOT_FOUND_DETAIL = "No such record, or not one this token may see.";
const REFUSAL_DETAIL: Record<number, string> = {
  403: "The staff account this token acts as may not do this.",
  404: NOT_FOUND_DETAIL,
  409: "The request ran into a rule of the service (see code); nothing was changed.",
  422: INVALID_DETAIL,
  500: "Something went wrong on our side; nothing was changed. Try again later.",
};

/** Parses query or body with a zod schema; field errors as a 422 problem. */
export function parseInput<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  throw new ApiProblem(422, "INVALID_INPUT", INVALID_DETAIL, fieldProblems(fieldErrors));
}

export function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in out) && v !== "") out[k] = v;
  return out;
}

export function notFound(): never {
  throw new ApiProblem(404, "NOT_FOUND", NOT_FOUND_DETAIL);
}
