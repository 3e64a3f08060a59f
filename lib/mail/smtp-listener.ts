import "server-only";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { authenticateSmtp, mailResolverFromEnv, type DNSResolver } from "./authenticate";
import { receiveInbound, type InboundDeps } from "./ingest";
import { mailIntakeLimiter } from "@/lib/security/mail-intake-limit";

export const DEFAULT_MAX_MAIL_BYTES = 25 * 1024 * 1024;

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/**
 * The incoming mail door. It answers 250 only after the raw mail is stored; when the database
 * cannot be reached it answers 451 so the sending server tries again later (RFC 5321 4xx).
 * Meant to sit behind the organisation's own MTA (no TLS or AUTH of its own).
 */
export async function startSmtpListener(options: {
  deps: InboundDeps;
  port: number;
  host?: string;
  maxBytes?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** Called with the milliseconds from the end of DATA to the stored ticket (benchmarks). */
  onIntakeMs?: (ms: number) => void;
  /** Addresses not held to the per-address intake limit; default MAIL_INTAKE_UNLIMITED_IPS or loopback. */
  unlimitedAddresses?: string[];
  /**
   * DNS for the SPF, DKIM and DMARC checks; default: MAIL_DNS (the system resolver). Tests pass a
   * resolver over a fixed map; checking itself cannot be turned off.
   */
  resolver?: DNSResolver;
}): Promise<SmtpListener> {
  const resolver = options.resolver ?? mailResolverFromEnv();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(`[smtp] ${line}`));
  const intakeLimit = mailIntakeLimiter(options.unlimitedAddresses);
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxBytes,
    banner: "Loket mail intake",
    logger: false,
    // Rate limit per connecting address, per message (lib/security/mail-intake-limit.ts).
    onMailFrom(_address, session, callback) {
      void intakeLimit(session.remoteAddress).then((refusal) => callback(refusal ? new SmtpReply(refusal.responseCode, refusal.message) : undefined));
    },
    async onData(stream, session, callback) {
      try {
        const raw = await readAll(stream);
        const started = performance.now();
        if (stream.sizeExceeded) {
          callback(new SmtpReply(552, `Message exceeds the fixed maximum size of ${maxBytes} bytes`));
          return;
        }
        // The sender is judged here, where the connecting address, HELO and MAIL FROM are known;
        // the verdict is stored with the mail (a failed check still stores it, as not verified).
        const mailFrom = session.envelope.mailFrom;
        const auth = await authenticateSmtp(
          raw,
          { ip: session.remoteAddress || null, helo: session.hostNameAppearsAs || null, mailFrom: mailFrom ? mailFrom.address : null },
          { resolver, mta: process.env.MAIL_AUTHSERV_ID || undefined },
        );
        let stored: { id: string; duplicate: boolean };
        try {
          // Once stored the mail is accepted, even if making its ticket has to wait.
          stored = await receiveInbound(options.deps, raw, now(), log, auth);
        } catch (error) {
          log(`could not store a message: ${error instanceof Error ? error.name : "error"}`);
          callback(new SmtpReply(451, "Temporary local problem, please try again later"));
          return;
        }
        options.onIntakeMs?.(performance.now() - started);
        callback(null, `Queued as ${stored.id}`);
      } catch (error) {
        log(`intake failed: ${error instanceof Error ? error.message.slice(0, 200) : "error"}`);
        callback(new SmtpReply(451, "Temporary local problem, please try again later"));
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  server.on("error", (error: Error) => log(`server error: ${error.message}`));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
