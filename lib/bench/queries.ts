import "server-only";
import { db } from "@/lib/db/client";

/**
 * The baseline of `npm run bench:http`: two small reads and nothing else (no session, no
 * rendering), so the benchmark can say how much of a page's cost is the page itself.
 */
export async function trivialReads() {
  const [categories, teams] = await Promise.all([
    db.ticketCategory.findMany({ select: { key: true, nameNl: true }, orderBy: { sortOrder: "asc" } }),
    db.team.findMany({ select: { key: true, name: true }, orderBy: { key: "asc" } }),
  ]);
  return { categories, teams };
}
