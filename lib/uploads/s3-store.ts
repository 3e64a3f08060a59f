import "server-only";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertStorageKey, type S3StoreConfig } from "./config";
import type { UploadStore } from "./store";

// One client per configuration: it holds the connection pool and the resolved credentials.
const clients = new Map<string, S3Client>();

function clientFor(config: S3StoreConfig): S3Client {
  const key = JSON.stringify(config);
  let client = clients.get(key);
  if (!client) {
    client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // S3-compatible services often reject the SDK's default CRC32 trailers; we send SHA-256 ourselves.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clients.set(key, client);
  }
  return client;
}

function isMissing(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404;
  }
  return false;
}

/** Objects in one bucket under the same "<yyyy>/<sha256>" keys as on disk. */
export function s3Store(config: S3StoreConfig): UploadStore {
  const client = clientFor(config);
  return {
    async putIfAbsent(storageKey, bytes, mimeType) {
      assertStorageKey(storageKey);
      try {
        await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: storageKey }));
        return "existed";
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
      // A PutObject becomes visible whole or not at all; the checksum makes S3 refuse damaged bytes.
      const sha256 = storageKey.slice(5);
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: storageKey,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: mimeType,
          ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
        }),
      );
      return "stored";
    },
    async open(storageKey) {
      assertStorageKey(storageKey);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: storageKey }));
        if (!object.Body) return null;
        return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: Number(object.ContentLength ?? 0) };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(storageKey) {
      assertStorageKey(storageKey);
      // S3 answers 204 for a key that is not there, so a second removal is harmless.
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: storageKey }));
    },
  };
}
