import { withPageMessages } from "@/components/layout/place-messages";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { trivialReads } from "@/lib/bench/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Benchmark", robots: { index: false } };

/**
 * The issue's own baseline for `npm run bench:http`: "a trivial page doing two Prisma queries". A
 * page under the root layout like every real page (proxy, layout, React rendering), unlike the
 * route handler app/api/bench; so the figures say what a page costs on top of being a page. Not
 * found unless the server runs with LOKET_BENCH=1.
 */
async function BenchPage() {
  if (process.env.LOKET_BENCH !== "1") notFound();
  const { categories, teams } = await trivialReads();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-xl font-semibold">Categorieën en teams</h1>
      <ul className="mt-4 list-disc pl-6">
        {categories.map((category) => (
          <li key={category.key}>{category.nameNl}</li>
        ))}
      </ul>
      <ul className="mt-4 list-disc pl-6">
        {teams.map((team) => (
          <li key={team.key}>{team.name}</li>
        ))}
      </ul>
    </main>
  );
}

export default withPageMessages("app/bench", BenchPage);
