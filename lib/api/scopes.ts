// What an API token may be used for. A scope only opens the door: the request still needs the
// permission the same server action needs, held by the staff account the token acts as. Pure.
export const API_SCOPES = [
  "tickets:read",
  "tickets:write",
  "people:read",
  "people:write",
  "callbacks:read",
  "callbacks:write",
  "complaints:read",
  "escalations:read",
  "kpi:read",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
