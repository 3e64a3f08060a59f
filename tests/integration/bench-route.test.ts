// The benchmark's probes (the route app/api/bench and the page app/bench) must not exist on a real
// server: without LOKET_BENCH=1 they are not found and show no data and no memory figures; with it,
// the two reads (and the route the memory).
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/bench/route";
import BenchPage from "@/app/bench/page";
import { seedDemo } from "../support/fixtures";

const NOW = new Date("2026-11-24T10:00:00Z");

beforeEach(async () => {
  await seedDemo(NOW);
});
afterEach(() => {
  delete process.env.LOKET_BENCH;
});

describe("the benchmark probe", () => {
  it("is not found unless the server runs for the benchmark", async () => {
    for (const value of [undefined, "0", "true"]) {
      if (value === undefined) delete process.env.LOKET_BENCH;
      else process.env.LOKET_BENCH = value;
      for (const url of ["http://loket.test/api/bench", "http://loket.test/api/bench?memory"]) {
        const response = await GET(new Request(url));
        expect(response.status).toBe(404);
        expect(await response.text()).toBe("Not found");
      }
    }
  });

  it("with LOKET_BENCH=1 reads the categories and teams, or reports the memory", async () => {
    process.env.LOKET_BENCH = "1";
    const reads = await GET(new Request("http://loket.test/api/bench"));
    expect(reads.status).toBe(200);
    const body = (await reads.json()) as { categories: { key: string }[]; teams: { key: string }[] };
    expect(body.teams.map((t) => t.key)).toEqual(["uitkeringen", "werkgevers"]);
    expect(body.categories.map((c) => c.key)).toContain("GENERAL_QUESTION");
    const memory = await GET(new Request("http://loket.test/api/bench?memory"));
    const figures = (await memory.json()) as { pid: number; rss: number; heapUsed: number };
    expect(figures.pid).toBe(process.pid);
    expect(figures.rss).toBeGreaterThan(figures.heapUsed);
    expect(figures.heapUsed).toBeGreaterThan(0);
  });
});

describe("the benchmark's trivial page", () => {
  it("is not found unless the server runs for the benchmark", async () => {
    for (const value of [undefined, "0", "true"]) {
      if (value === undefined) delete process.env.LOKET_BENCH;
      else process.env.LOKET_BENCH = value;
      // next/navigation's notFound(): Next answers it with the 404 page.
      await expect(BenchPage({})).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    }
  });

  it("with LOKET_BENCH=1 lists the categories and teams it read", async () => {
    process.env.LOKET_BENCH = "1";
    const html = renderToStaticMarkup(await BenchPage({}));
    expect(html).toContain("Algemene vraag");
    expect(html).toContain("<li>Team Uitkeringen</li>");
  });
});
