import { openApiDocument } from "@/lib/api/openapi";

// Public: the document describes the API, it opens nothing.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
