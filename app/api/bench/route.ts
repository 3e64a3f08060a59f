import { trivialReads } from "@/lib/bench/queries";

export const dynamic = "force-dynamic";

/**
 * Exists only for `npm run bench:http` (scripts/bench-http.ts), and only when the server runs with
 * LOKET_BENCH=1; everywhere else it is 404 and tells nothing. It is the benchmark's "trivial page"
 * (two small Prisma queries, no session, no rendering) that the real pages are measured against,
 * and with ?memory the serving process's memory after the run (process.memoryUsage()).
 */
export async function GET(request: Request) {
  if (process.env.LOKET_BENCH !== "1") return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const headers = { "Cache-Control": "no-store" };
  if (new URL(request.url).searchParams.has("memory")) return Response.json({ pid: process.pid, ...process.memoryUsage() }, { headers });
  return Response.json(await trivialReads(), { headers });
}
