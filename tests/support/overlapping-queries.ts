// Run in a child process by tests/integration/db-prepared.test.ts (pg warns once per process, so a
// test in a shared worker could not tell). Prints, as JSON, the warnings pg gave for overlapping
// queries on one connection: first for a read with several relations inside one of the app's
// Prisma transactions (Prisma fetches the relations side by side, on the transaction's one
// connection), then for three queries sent at once on a plain pg connection, which shows the
// warning is there to be seen.
import pg from "pg";
import { db, disconnectDb } from "@/lib/db/client";

const seen: string[] = [];
process.on("warning", (warning) => {
  if (/already executing a query/.test(warning.message)) seen.push(warning.message);
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const read = await db.$transaction(async (tx) =>
  tx.ticket.findMany({ take: 3, orderBy: { number: "asc" }, include: { messages: true, events: true, calls: true, appointments: true, pauses: true } }),
);
await settle();
const app = seen.splice(0);

const plain = new pg.Client({ connectionString: process.env.DATABASE_URL });
await plain.connect();
await Promise.all([plain.query("SELECT pg_sleep(0.02)"), plain.query("SELECT 1"), plain.query("SELECT 2")]);
await plain.end();
await settle();

await disconnectDb();
console.log(JSON.stringify({ tickets: read.length, messages: read.reduce((n, t) => n + t.messages.length, 0), app, plain: seen }));
