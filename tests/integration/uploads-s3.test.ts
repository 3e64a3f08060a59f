// Uploads on S3: a real S3 server (s3rver) on a loopback port, the app's own store functions, the
// download path and a file sent through the beneficiary's new-message action.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendPortalMessage } from "@/lib/portal/commands";
import { downloadResponse } from "@/lib/uploads/download";
import { storageKeyOf } from "@/lib/uploads/rules";
import { openStoredUpload, readStoredUpload, storeUpload, uploadStore } from "@/lib/uploads/storage";
import { seedDemo, sessionFor } from "../support/fixtures";

const now = new Date("2026-11-24T10:00:00Z");
const bucket = "loket-test-uploads";
const pdfBytes = (text = "loonstrook") => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n1 0 obj\n<<>>\nendobj\n%%EOF`);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

let server: S3rver;
let inspector: S3Client;
let scratch: string;
const saved = new Map<string, string | undefined>();

function setEnv(values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    saved.set(key, process.env[key]);
    process.env[key] = value;
  }
}

async function objectKeys(): Promise<string[]> {
  const listed = await inspector.send(new ListObjectsV2Command({ Bucket: bucket }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "loket-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: path.join(scratch, "s3"), configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  setEnv({
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: "eu-west-1",
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    // The disk store's place: it must stay empty while S3 is configured.
    LOKET_DATA_DIR: path.join(scratch, "data"),
  });
  inspector = new S3Client({ region: "eu-west-1", endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
});

afterAll(async () => {
  for (const [key, value] of saved) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  inspector?.destroy();
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe("the S3 upload store", () => {
  it("stores a file under its content key with its type, reads it back byte-identical and writes nothing to disk", async () => {
    const bytes = pdfBytes("store");
    const stored = await storeUpload({ name: "loonstrook.pdf", type: "application/octet-stream", bytes }, now);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(stored).toMatchObject({ storageKey: `2026/${sha256}`, sha256, mimeType: "application/pdf", size: bytes.length, fileName: "loonstrook.pdf" });
    const head = await inspector.send(new HeadObjectCommand({ Bucket: bucket, Key: stored.storageKey }));
    expect(head.ContentType).toBe("application/pdf");
    expect(head.ContentLength).toBe(bytes.length);
    expect(Buffer.from(await readStoredUpload(stored.storageKey)).equals(Buffer.from(bytes))).toBe(true);

    const image = await storeUpload({ name: "scan.png", type: "image/png", bytes: png }, now);
    expect((await inspector.send(new HeadObjectCommand({ Bucket: bucket, Key: image.storageKey }))).ContentType).toBe("image/png");
    expect(await readdir(path.join(scratch, "data")).catch(() => [])).toEqual([]);
  });

  it("does not upload a file again that is already there", async () => {
    const bytes = pdfBytes("dedup");
    const first = await storeUpload({ name: "a.pdf", type: "application/pdf", bytes }, now);
    const before = await objectKeys();
    const second = await storeUpload({ name: "b.pdf", type: "application/pdf", bytes }, now);
    expect(second.storageKey).toBe(first.storageKey);
    expect(second.fileName).toBe("b.pdf");
    expect(await objectKeys()).toEqual(before);
    expect(await uploadStore().putIfAbsent(first.storageKey, bytes, "application/pdf")).toBe("existed");
  });

  it("reports a missing object as missing and never reads outside the storage keys", async () => {
    const missing = storageKeyOf(2026, "0".repeat(64));
    expect(await openStoredUpload(missing)).toBeNull();
    await expect(readStoredUpload(missing)).rejects.toThrow(/missing/);
    await expect(openStoredUpload("../etc/passwd")).rejects.toThrow(/invalid storage key/);
  });
});

describe("uploads through the app with S3 configured", () => {
  beforeEach(async () => {
    await seedDemo(now);
  });

  it("puts a beneficiary's attachment in the bucket, not on disk, and streams it to her alone", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const bytes = pdfBytes("action");
    const result = await sendPortalMessage.execute(
      anna,
      { subject: "Vraag over mijn betaling", categoryKey: "DOSSIER_QUESTION", body: "Wanneer wordt mijn uitkering betaald?", files: [{ name: "jaaropgave.pdf", type: "application/pdf", bytes }] },
      now,
    );
    if (!result.ok) throw new Error(result.reason);
    const attachment = await db.attachment.findFirstOrThrow({ where: { message: { ticketId: result.data.id } } });
    expect(await objectKeys()).toContain(attachment.storageKey);
    expect(await readdir(path.join(scratch, "data")).catch(() => [])).toEqual([]);

    const response = await downloadResponse(anna, attachment.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''jaaropgave.pdf");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    expect((await downloadResponse(await sessionFor("bram.devries@burger.example"), attachment.id)).status).toBe(404);
  });

  it("answers 404, not an error, when the row exists but the object is gone", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const message = await db.message.findFirstOrThrow({ where: { ticket: { requesterId: anna.id }, direction: "INBOUND" } });
    const orphan = await db.attachment.create({
      data: { messageId: message.id, fileName: "weg.pdf", mimeType: "application/pdf", size: 10, sha256: "f".repeat(64), storageKey: storageKeyOf(2026, "f".repeat(64)) },
    });
    expect((await downloadResponse(anna, orphan.id)).status).toBe(404);
  });

  it("answers 503 when the store cannot be read, and stores nothing when it cannot be written", async () => {
    const anna = await sessionFor("anna.jansen@burger.example");
    const message = await db.message.findFirstOrThrow({ where: { ticket: { requesterId: anna.id }, direction: "INBOUND" } });
    const stored = await storeUpload({ name: "brief.pdf", type: "application/pdf", bytes: pdfBytes("503") }, now);
    const attachment = await db.attachment.create({ data: { ...stored, messageId: message.id } });
    const secret = process.env.S3_SECRET_ACCESS_KEY;
    // Half a key pair is refused rather than quietly replaced by other credentials.
    delete process.env.S3_SECRET_ACCESS_KEY;
    try {
      expect((await downloadResponse(anna, attachment.id)).status).toBe(503);
      const before = await db.ticket.count();
      await expect(
        sendPortalMessage.execute(anna, { subject: "Vraag met bijlage", categoryKey: "DOSSIER_QUESTION", body: "Zie de bijlage bij deze vraag.", files: [{ name: "x.pdf", type: "application/pdf", bytes: pdfBytes("down") }] }, now),
      ).resolves.toMatchObject({ ok: false });
      expect(await db.ticket.count()).toBe(before);
    } finally {
      process.env.S3_SECRET_ACCESS_KEY = secret;
    }
  });
});
