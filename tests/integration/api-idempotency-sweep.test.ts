// Idempotency keys answer replays for their window (a day) and are then deleted by the background
// sweep, in batches, so the table does not grow with every create ever made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createOrganisation } from "@/app/api/v1/organisations/route";
import { IDEMPOTENCY_TTL_MS, sweepIdempotencyKeys } from "@/lib/api/idempotency";
import { db } from "@/lib/db/client";
import { closeRateLimits } from "@/lib/security/rate-limit";
import { runSweeps } from "@/lib/sweeps/run";
import { call, makeToken } from "../support/api-client";
import { seedDemo } from "../support/fixtures";

let token: { id: string; secret: string };

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  token = await makeToken({ actor: "admin@loket.example", scopes: ["people:read", "people:write"] });
}, 120_000);

afterAll(async () => {
  await closeRateLimits();
});

const create = (key: string, number: string) =>
  call(createOrganisation, { method: "POST", path: "/api/v1/organisations", token: token.secret, body: { name: `Werkgever ${number}`, externalNumber: number, kind: "EMPLOYER" }, idempotencyKey: key });

describe("sweeping idempotency keys", () => {
  it("deletes a key older than the replay window; a fresh key stays and still replays", async () => {
    const old = await create("old-key", "WG-90001");
    const fresh = await create("fresh-key", "WG-90002");
    expect([old.status, fresh.status]).toEqual([201, 201]);
    // The old key was stored a day and a minute ago.
    await db.apiIdempotencyKey.update({ where: { tokenId_key: { tokenId: token.id, key: "old-key" } }, data: { createdAt: new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000) } });

    const report = await runSweeps(db, new Date());
    expect(report.idempotencyKeys).toBe(1);
    expect((await db.apiIdempotencyKey.findMany({ where: { tokenId: token.id }, select: { key: true } })).map((k) => k.key)).toEqual(["fresh-key"]);

    const replay = await create("fresh-key", "WG-90002");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(fresh.body.id);
    expect(await sweepIdempotencyKeys(db, new Date())).toBe(0);
  });

  it("deletes a backlog larger than one batch completely", async () => {
    const long = new Date(Date.now() - 2 * IDEMPOTENCY_TTL_MS);
    await db.apiIdempotencyKey.createMany({
      data: Array.from({ length: 2_345 }, (_, i) => ({ tokenId: token.id, key: `backlog-${i}`, requestHash: "x", responseStatus: 201, responseBody: {}, createdAt: long })),
    });
    expect(await sweepIdempotencyKeys(db, new Date())).toBe(2_345);
    expect(await db.apiIdempotencyKey.count({ where: { key: { startsWith: "backlog-" } } })).toBe(0);
    expect(await db.apiIdempotencyKey.count({ where: { key: "fresh-key" } })).toBe(1);
  });
});
