// Every route of /api/v1 as its route files declare it: the one list the OpenAPI test and the
// authorization matrix both walk, so a new route file fails both until it is described and tabled.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const API_ROOT = path.resolve(import.meta.dirname, "..", "..", "app", "api", "v1");
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ApiRoute {
  /** The route file, absolute. */
  file: string;
  /** /api/v1/tickets/{id}, as the OpenAPI document names it. */
  path: string;
  methods: HttpMethod[];
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/tickets/[id]/route.ts -> /api/v1/tickets/{id} */
function urlPathOf(file: string): string {
  const relative = path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api/v1", ...relative.map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

function exportedMethods(file: string): HttpMethod[] {
  const text = readFileSync(file, "utf8");
  return HTTP_METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(text));
}

export function apiRoutes(): ApiRoute[] {
  return routeFiles(API_ROOT)
    .map((file) => ({ file, path: urlPathOf(file), methods: exportedMethods(file) }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
