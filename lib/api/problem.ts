// RFC 9457 problem details: every refusal of /api/v1 has this shape, served as
// application/problem+json. `type` names the kind of problem (a stable code a client can switch
// on); `errors` lists field errors from the zod schema, each with a JSON pointer into the body.
export interface FieldProblem {
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  code?: string;
}

export const PROBLEM_TYPE_BASE = "/api/v1/problems/";

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

/** Thrown anywhere below a route handler; the wrapper answers it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }

  body(): ProblemBody {
    const body: ProblemBody = { type: `${PROBLEM_TYPE_BASE}${this.code.toLowerCase().replaceAll("_", "-")}`, title: TITLES[this.status] ?? "Error", status: this.status, code: this.code };
    if (this.detail) body.detail = this.detail;
    if (this.errors?.length) body.errors = this.errors;
    return body;
  }

  response(): Response {
    return new Response(JSON.stringify(this.body()), { status: this.status, headers: { "Content-Type": "application/problem+json", ...this.headers } });
  }
}

/** "body" -> "#/body", "files.0.name" -> "#/files/0/name" (RFC 6901). */
export function pointerOf(field: string): string {
  if (field === "_" || field === "") return "#";
  return `#/${field.split(".").map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}

export function fieldProblems(fieldErrors: Record<string, string[]>): FieldProblem[] {
  return Object.entries(fieldErrors).flatMap(([field, codes]) => codes.map((detail) => ({ pointer: pointerOf(field), detail })));
}

/** Which HTTP status an action's refusal code becomes. */
export function statusOfReason(reason: string): number {
  if (reason === "UNAUTHENTICATED") return 401;
  if (reason === "FORBIDDEN") return 403;
  if (reason === "INVALID_INPUT") return 422;
  if (reason === "UNEXPECTED") return 500;
  if (reason === "NOT_FOUND" || reason.endsWith("_NOT_FOUND") || reason === "TICKET_OTHER_TEAM") return 404;
  // Everything else is a rule of the domain the request ran into (a closed ticket, a full slot).
  return 409;
}
