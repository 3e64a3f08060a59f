// The one Prisma client. Always @prisma/adapter-pg: against PostgreSQL, or against the embedded
// PGlite that scripts/launch.ts serves on loopback, so every environment runs the same code path.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as typeof globalThis & { __loketPrisma?: PrismaClient };

function create(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start Loket with `npm run dev` or `npm start`, which start the embedded database.",
    );
  }
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

/** Created on first use so that importing a module never needs a database (e.g. during `next build`). */
export function getDb(): PrismaClient {
  holder.__loketPrisma ??= create();
  return holder.__loketPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (holder.__loketPrisma) {
    await holder.__loketPrisma.$disconnect();
    holder.__loketPrisma = undefined;
  }
}
