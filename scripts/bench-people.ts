// `npm run bench:people [-- PEOPLE] [-- --keep] [-- --database=NAME]`: the people searches (the
// phone desk's caller search, the beneficiaries list, the privacy desk) and an incoming call's
// screen pop over PEOPLE accounts (default 1,000,000: 16 first names by 20 surnames, numbered;
// one in fifty an employer contact of one of 20,000 organisations) in a throwaway PostgreSQL
// database. Prints the median and the slowest of 15 runs per text: rare texts (a whole name, a
// client number, a phone number, an organisation) and common ones ("jansen": one account in
// twenty). --keep leaves the database for another run (--database=NAME), which skips the seeding.
// Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else a local server with the default role.
import pg from "pg";
import { applyMigrations } from "../lib/db/migrate";
import { createScratchDatabase, MIGRATIONS_DIR } from "../tests/support/database";
import { benchServerUrl, loadAverage, percentile, timeRuns } from "./bench-support";

const args = process.argv.slice(2);
const total = Number(args.find((a) => !a.startsWith("--")) ?? 1_000_000);
const keep = args.includes("--keep");
const kept = args.find((a) => a.startsWith("--database="))?.slice("--database=".length);
process.env.TEST_DATABASE_URL = benchServerUrl();

let url: string;
let drop: (() => Promise<void>) | null = null;
if (kept) {
  const at = new URL(benchServerUrl());
  at.pathname = `/${kept}`;
  url = at.toString();
} else {
  const database = await createScratchDatabase("benchpeople");
  url = database.url;
  drop = database.drop;
}
await applyMigrations({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
console.log(`bench:people — ${url.replace(/\/\/[^@]*@/, "//")}, load ${loadAverage()}`);

if (!kept) {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const started = performance.now();
  await sql.query(`
    INSERT INTO "Organisation" (id, name, "externalNumber", "updatedAt")
    SELECT 'org_' || g,
      (ARRAY['Bakkerij', 'Zorggroep', 'Transport', 'Bouwbedrijf', 'Schoonmaak', 'Kinderopvang'])[1 + g % 6] || ' '
        || (ARRAY['De Vries', 'Noord', 'Jansen', 'Van Dijk', 'Oost', 'Bakker', 'Visser', 'Smit'])[1 + (g / 6) % 8] || ' ' || g,
      'WG-' || lpad(g::text, 6, '0'), now()
    FROM generate_series(1, 20000) g`);
  await sql.query(
    `
    INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt", "clientNumber", phone)
    SELECT 'u_' || g,
      'persoon' || g || '@' || (ARRAY['gmail.com', 'hotmail.nl', 'ziggo.nl', 'kpnmail.nl'])[1 + g % 4],
      (ARRAY['Anna', 'Bram', 'Cor', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Ivo', 'Joke', 'Kees', 'Lisa', 'Mark', 'Noor', 'Piet', 'Roos'])[1 + g % 16] || ' '
        || (ARRAY['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
                  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer'])[1 + (g / 16) % 20] || ' ' || g,
      CASE WHEN g % 50 = 0 THEN 'EMPLOYER_CONTACT' ELSE 'BENEFICIARY' END::"Role", 'x', now(),
      CASE WHEN g % 50 = 0 THEN NULL ELSE lpad(g::text, 9, '0') END,
      '06' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0')
    FROM generate_series(1, $1::int) g`,
    [total],
  );
  await sql.query(`
    INSERT INTO "Membership" (id, "userId", "organisationId")
    SELECT 'm_' || g, 'u_' || g, 'org_' || (1 + (g / 50) % 20000) FROM generate_series(50, $1::int, 50) g`, [total]);
  await sql.query(`ANALYZE`);
  console.log(`  seeded ${total.toLocaleString("en")} people in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sql.end();
}

process.env.DATABASE_URL = url;
const { searchCallers } = await import("../lib/phone/queries");
const { searchBeneficiaries } = await import("../lib/beneficiaries/queries");
const { searchPeople } = await import("../lib/privacy/queries");
const admin = { id: "bench", role: "ADMIN", teams: [], memberships: [] } as never;

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  const times = await timeRuns(fn, 15, 1);
  console.log(`  ${label.padEnd(52)} median ${percentile(times, 0.5).toFixed(1).padStart(7)} ms   slowest ${times.at(-1)!.toFixed(1).padStart(7)} ms`);
}

const at = (n: number) => String(Math.min(n, total));
const rare = [`Anna Jansen ${at(16 * 21)}`, at(123456).padStart(9, "0"), `persoon${at(77777)}@`, "06 1234 5678", "WG-001234", "Zorggroep Noord 1", "qx"];
const common = ["jansen", "anna", "Jo"];
console.log("  the phone desk's caller search (ten by name; name, address, client number, phone, organisation)");
for (const q of [...rare, ...common]) await time(`searchCallers ${JSON.stringify(q)}`, () => searchCallers(q));
console.log("  an incoming call's screen pop: the caller by the digits of their number");
const { findCallerByNumber } = await import("../lib/telephony/mutations");
const { db } = await import("../lib/db/client");
for (const number of ["+31 6 1234 5678", "06-00000000"]) await time(`findCallerByNumber ${JSON.stringify(number)}`, () => findCallerByNumber(db as never, number));
console.log("  the beneficiaries list (25 a page, counted up to 1,000)");
for (const q of ["", rare[0]!, rare[1]!, "zz", ...common.slice(0, 2)]) await time(`searchBeneficiaries ${JSON.stringify(q)}`, () => searchBeneficiaries(admin, q, 1, new Date()));
console.log("  the privacy desk (25 by name)");
for (const q of [rare[0]!, rare[1]!, "jansen"]) await time(`searchPeople ${JSON.stringify(q)}`, () => searchPeople(admin, q));

const { disconnectDb } = await import("../lib/db/client");
await disconnectDb();
if (drop && !keep) await drop();
else console.log(`  kept: --database=${new URL(url).pathname.slice(1)}`);
