// An in-memory embedded database in a process of its own, for test runs with several workers:
// PGlite runs on the thread that hosts it, so two of them in the runner's process would take
// turns on one core. Prints "ready <url>" once it serves; stops when its parent goes away.
import { startEmbeddedDatabase } from "../../lib/db/embedded";

const port = Number(process.env.EMBEDDED_PORT);
const database = await startEmbeddedDatabase({ port });
process.stdout.write(`ready ${database.url}\n`);

async function stop() {
  await database.stop().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The parent holds our stdin open: end of input means it is gone, even if it crashed.
process.stdin.on("end", stop);
process.stdin.resume();
