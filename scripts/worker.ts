// `npm run worker`: background work outside the web process: the mail channel (SMTP intake,
// outbox delivery with retries, completion of stored mail), webhook delivery and the sweeps (SLA states,
// auto-close, survey invitations, callback reminders), each sweep under an advisory lock. Against DATABASE_URL, or the embedded
// PostgreSQL. (With the embedded database the web process does this work itself.)
import path from "node:path";

if (!process.env.DATABASE_URL) {
  console.error("[worker] DATABASE_URL is not set. With the embedded database, `npm run dev` / `npm start` already run the background work.");
  process.exit(1);
}

const { db, disconnectDb } = await import("../lib/db/client");
const { startMailRuntime, smtpPortFromEnv } = await import("../lib/mail/runtime");
const { startSweepScheduler } = await import("../lib/sweeps/run");
const { startWebhookDelivery } = await import("../lib/webhooks/delivery");

const runtime = await startMailRuntime({
  db,
  dataDir: path.resolve(process.env.LOKET_DATA_DIR ?? ".data"),
  smtpPort: smtpPortFromEnv(),
});
const stopSweeps = startSweepScheduler(db);
const stopWebhooks = startWebhookDelivery(db);
console.log("[worker] running; stop with Ctrl-C");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopSweeps();
    stopWebhooks();
    void runtime.stop().then(disconnectDb).then(() => process.exit(0));
  });
}
