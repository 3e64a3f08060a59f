// A private Dovecot IMAP server for a test run: its own config, sockets, logs and maildir in a
// temporary directory, plain-text IMAP on a free loopback port, one test user. Debian's package
// (dovecot-imapd) provides the binary; a system Dovecot it may have started is not used.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { freePort } from "./database";

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  /** For the poller: imap:// on loopback, so plain text. */
  url: string;
  /** Drops the test user's connections from the server side, as a network failure would. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.DOVECOT_BIN ?? "/usr/sbin/dovecot";

/** The uid and gid of `name` in /etc/passwd. */
function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name} in /etc/passwd`);
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function groupName(gid: number): string {
  const line = readFileSync("/etc/group", "utf8").split("\n").find((l) => l.split(":")[2] === String(gid));
  if (!line) throw new Error(`no group ${gid} in /etc/group`);
  return line.split(":")[0]!;
}

function greeting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(1_000);
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("* OK"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startDovecot(): Promise<Dovecot> {
  if (!existsSync(BINARY)) {
    throw new Error(`Dovecot is not installed (${BINARY} is missing). The IMAP tests need it: apt-get install -y dovecot-imapd`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "loket-dovecot-"));
  // Dovecot's own processes (login, auth) run as other users and must reach the sockets.
  await chmod(dir, 0o755);
  const port = await freePort();
  const user = "loket";
  const password = randomBytes(12).toString("hex");
  const root = process.getuid?.() === 0;
  // Dovecot refuses mail access as root; as root the mail user is `nobody`, otherwise ourselves.
  const owner = root ? systemUser("nobody") : { uid: process.getuid!(), gid: process.getgid!() };
  const mailDir = path.join(dir, "mail");
  await mkdir(mailDir);
  await mkdir(path.join(dir, "run"));
  await mkdir(path.join(dir, "state"));
  if (root) await chown(mailDir, owner.uid, owner.gid);
  await writeFile(path.join(dir, "users"), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${mailDir}/${user}::\n`);
  const me = userInfo().username;
  const config = [
    `instance_name = loket-test-${port}`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    "protocols = imap",
    "listen = 127.0.0.1",
    "ssl = no",
    "disable_plaintext_auth = no",
    "auth_mechanisms = plain login",
    "first_valid_uid = 1",
    // Without root there are no other users to switch to: everything runs as ourselves.
    ...(root ? [] : [`default_internal_user = ${me}`, `default_login_user = ${me}`, `default_internal_group = ${groupName(owner.gid)}`]),
    `mail_location = maildir:${mailDir}/%u`,
    `passdb {\n  driver = passwd-file\n  args = ${dir}/users\n}`,
    `userdb {\n  driver = passwd-file\n  args = ${dir}/users\n}`,
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    "service anvil {\n  chroot =\n}",
    "",
  ].join("\n");
  await writeFile(path.join(dir, "dovecot.conf"), config);

  const child: ChildProcess = spawn(BINARY, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const logTail = async () => `${stderr}${await readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => "")}`.slice(-2_000);
  const deadline = Date.now() + 15_000;
  while (!(await greeting(port))) {
    if (!running || Date.now() > deadline) {
      child.kill("SIGKILL");
      const log = await logTail();
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Dovecot did not start on 127.0.0.1:${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    kick: () =>
      new Promise<void>((resolve, reject) =>
        execFile(path.join(path.dirname(BINARY), "..", "bin", "doveadm"), ["-c", path.join(dir, "dovecot.conf"), "kick", user], (error) => (error ? reject(error) : resolve())),
      ),
    async stop() {
      if (running) {
        child.kill("SIGTERM");
        const killed = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killed);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
