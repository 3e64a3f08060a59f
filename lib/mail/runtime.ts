import "server-only";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { storeUpload, UploadRuleError } from "@/lib/uploads/storage";
import { createMailSender, deliverDueMail } from "./delivery";
import { parseImapUrl, type ImapConfig } from "./imap-config";
import { startImapPoller, type ImapPoller } from "./imap-poller";
import { processPendingInbound, type InboundDeps } from "./ingest";
import { startSmtpListener, type SmtpListener } from "./smtp-listener";

export interface MailRuntime {
  smtpPort: number | null;
  stop(): Promise<void>;
}

/**
 * The mail channel's moving parts for one process: the SMTP intake, the optional IMAP poller, the
 * outbox delivery loop and the completion of stored-but-unprocessed mail. Run by `npm run worker`
 * and the dev launcher.
 */
export async function startMailRuntime(options: {
  db: Db;
  dataDir: string;
  smtpPort?: number | null;
  /** The IMAP poller; unset: from IMAP_URL (off when that is unset), null: off. */
  imap?: ImapConfig | null;
  deliveryIntervalMs?: number;
  storeAttachment?: InboundDeps["storeAttachment"];
  log?: (line: string) => void;
}): Promise<MailRuntime> {
  const log = options.log ?? ((line: string) => console.log(`[mail] ${line}`));
  // Read first: a wrong IMAP_URL stops the start before anything listens.
  const imap = options.imap === undefined ? imapConfigFromEnv() : options.imap;
  const deps: InboundDeps = {
    db: options.db,
    inboundDir: path.join(options.dataDir, "inbound"),
    storeAttachment: options.storeAttachment ?? storeMailAttachment,
  };
  const sender = createMailSender({ outboxDir: path.join(options.dataDir, "outbox") });
  log(`outgoing mail: ${sender.kind === "smtp" ? "SMTP (SMTP_URL)" : `.eml files in ${path.join(options.dataDir, "outbox")}`}`);

  const recovered = await processPendingInbound(deps, new Date()).catch(() => 0);
  if (recovered > 0) log(`completed ${recovered} stored mail(s) from before the restart`);

  let listener: SmtpListener | null = null;
  if (options.smtpPort !== null && options.smtpPort !== undefined) {
    listener = await startSmtpListener({ deps, port: options.smtpPort, log });
    log(`SMTP intake listening on 127.0.0.1:${listener.port}`);
  }
  if (imap && !process.env.MAIL_AUTHSERV_ID) log("IMAP: MAIL_AUTHSERV_ID is unset, so polled mail counts as sender not verified until staff confirm it");
  const poller: ImapPoller | null = imap ? startImapPoller({ config: imap, deps, log: (line) => log(`IMAP ${line}`) }) : null;

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const result = await deliverDueMail(options.db, sender, now);
      if (result.sent || result.failed) log(`outbox: ${result.sent} sent, ${result.failed} failed`);
      await processPendingInbound(deps, now);
    } catch (error) {
      log(`mail loop: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.deliveryIntervalMs ?? 5_000);
  void tick();

  return {
    smtpPort: listener?.port ?? null,
    async stop() {
      clearInterval(timer);
      await Promise.all([listener?.close(), poller?.stop()]);
      sender.close();
    },
  };
}

/** Mail attachments are kept like portal uploads: PDF, JPEG or PNG by content, 10 MB at most. */
export async function storeMailAttachment(file: { name: string; type: string; bytes: Uint8Array }) {
  try {
    return await storeUpload(file);
  } catch (error) {
    if (error instanceof UploadRuleError) return null;
    throw error;
  }
}

export function smtpPortFromEnv(): number | null {
  const value = process.env.SMTP_LISTEN_PORT ?? "2525";
  return value === "off" ? null : Number(value);
}

/** IMAP_URL (imaps://user:pass@host:993/INBOX) and IMAP_POLL_SECONDS; null when IMAP_URL is unset. */
export function imapConfigFromEnv(): ImapConfig | null {
  const url = process.env.IMAP_URL;
  return url ? parseImapUrl(url, process.env.IMAP_POLL_SECONDS) : null;
}
