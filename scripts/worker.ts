// `npm run worker`: background work outside the web process. Today: the mail channel (SMTP intake,
// outbox delivery with retries, completion of stored mail). Against DATABASE_URL, or the embedded
// database of a running `npm run dev` / `npm start`.
import path from "node:path";
import { DEFAULT_EMBEDDED_PORT } from "../lib/db/embedded";

process.env.DATABASE_URL ??= `postgresql://loket@127.0.0.1:${process.env.LOKET_DB_PORT ?? DEFAULT_EMBEDDED_PORT}/loket?sslmode=disable`;

const { db, disconnectDb } = await import("../lib/db/client");
const { startMailRuntime, smtpPortFromEnv } = await import("../lib/mail/runtime");

const runtime = await startMailRuntime({
  db,
  dataDir: path.resolve(process.env.LOKET_DATA_DIR ?? ".data"),
  smtpPort: smtpPortFromEnv(),
});
console.log("[worker] running; stop with Ctrl-C");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void runtime.stop().then(disconnectDb).then(() => process.exit(0));
  });
}
