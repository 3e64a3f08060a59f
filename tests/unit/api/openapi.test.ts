// The OpenAPI document must describe every route under app/api/v1: each route file's exported
// methods are looked up in the generated document, so a new endpoint without its entry fails here.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { apiRoutes, HTTP_METHODS as METHODS } from "../../support/api-routes";

describe("OpenAPI document", () => {
  const document = openApiDocument();
  const routes = apiRoutes();

  it("is OpenAPI 3.1 with the bearer scheme", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists every route file's methods, and nothing that has no route", () => {
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const missing = routes.flatMap((r) => r.methods.filter((m) => !document.paths?.[r.path]?.[m.toLowerCase() as "get"]).map((m) => `${m} ${r.path}`));
    expect(missing).toEqual([]);
    const routed = new Set(routes.flatMap((r) => r.methods.map((m) => `${m.toLowerCase()} ${r.path}`)));
    const documented = Object.entries(document.paths ?? {}).flatMap(([p, item]) => Object.keys(item ?? {}).filter((k) => METHODS.includes(k.toUpperCase() as "GET")).map((m) => `${m} ${p}`));
    expect(documented.filter((d) => !routed.has(d))).toEqual([]);
  });

  it("describes request bodies from the validating zod schemas (field limits included)", () => {
    const body = document.paths?.["/api/v1/tickets"]?.post?.requestBody;
    const media = body && "content" in body ? (body.content["application/json"] as { schema?: unknown } | undefined) : undefined;
    const schema = media?.schema as { properties?: Record<string, { minLength?: number; maxLength?: number }>; $ref?: string } | undefined;
    expect(schema?.properties?.subject).toMatchObject({ minLength: 2, maxLength: 200 });
    expect(JSON.stringify(document)).toContain("application/problem+json");
  });
});
