// Calling /api/v1 route handlers as a client would: a Request with a bearer token, JSON in and out.
import { expect } from "vitest";
import { createApiToken } from "@/lib/api/token-commands";
import type { ApiScope } from "@/lib/api/scopes";
import { db } from "@/lib/db/client";
import { sessionFor } from "./fixtures";

type Handler = (request: Request, route?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a client reads JSON as it comes
}

export async function call(
  handler: Handler,
  options: { method?: string; path: string; token?: string | null; authorization?: string; body?: unknown; rawBody?: string; idempotencyKey?: string; params?: Record<string, string> },
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  if (hasBody) headers["Content-Type"] = "application/json";
  const request = new Request(`http://loket.test${options.path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A token made the way an admin makes one (the same command), returning the secret shown once. */
export async function makeToken(options: { actor: string; scopes: ApiScope[]; organisationId?: string; expiresAt?: string; name?: string }): Promise<{ id: string; secret: string }> {
  const admin = await sessionFor("admin@loket.example");
  const actor = await db.user.findUniqueOrThrow({ where: { email: options.actor }, select: { id: true } });
  const result = await createApiToken.execute(
    admin,
    { name: options.name ?? "Test-koppeling", scopes: options.scopes, actorId: actor.id, organisationId: options.organisationId ?? "", expiresAt: options.expiresAt ?? "" },
    new Date(),
  );
  if (!result.ok) throw new Error(`token: ${result.reason} ${JSON.stringify(result.fieldErrors)}`);
  return { id: result.data.id, secret: result.data.secret };
}

/** A refusal as RFC 9457 problem details: status, media type, our code, its type URI and a title. */
export function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ status, code, type: `/api/v1/problems/${code.toLowerCase().replaceAll("_", "-")}` });
  expect(typeof answer.body.title).toBe("string");
  // Every problem says in words what went wrong, beside its code.
  expect(answer.body.detail, code).toEqual(expect.any(String));
}
