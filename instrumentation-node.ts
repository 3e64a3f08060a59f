// The background work of a single-instance installation, started inside the web process: the
// sweeps (SLA states, auto-close, surveys, reminders) and the mail channel (SMTP intake, outbox
// delivery). With several web instances, set LOKET_BACKGROUND=off on them and run
// `npm run worker` once instead. The e2e server turns it off so the demo data stays as seeded.
import path from "node:path";
import { db } from "./lib/db/client";
import { startMailRuntime, smtpPortFromEnv } from "./lib/mail/runtime";
import { startSweepScheduler } from "./lib/sweeps/run";
import { startWebhookDelivery } from "./lib/webhooks/delivery";

export async function startBackgroundWork(): Promise<void> {
  if (process.env.LOKET_BACKGROUND === "off") return;
  startSweepScheduler(db);
  startWebhookDelivery(db);
  await startMailRuntime({ db, dataDir: path.resolve(process.env.LOKET_DATA_DIR ?? ".data"), smtpPort: smtpPortFromEnv() }).catch((error: unknown) =>
    console.error("[mail] could not start:", error instanceof Error ? error.message : error),
  );
}
