// Which upload store the environment asks for. Pure: reads only the env object it is given.

export interface S3StoreConfig {
  kind: "s3";
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, Ceph, a cloud's S3 API); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (AWS_* variables, profile, instance or container role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export type UploadStoreConfig = { kind: "disk"; root: string } | S3StoreConfig;

const TRUE = new Set(["1", "true", "yes", "on"]);

export function uploadStoreConfig(env: Record<string, string | undefined>, diskRoot: string): UploadStoreConfig {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return { kind: "disk", root: diskRoot };
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  // Half a key pair is a configuration mistake; silently falling back to the default chain would hide it.
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together");
  }
  return {
    kind: "s3",
    bucket,
    region: env.S3_REGION?.trim() || env.AWS_REGION?.trim() || "us-east-1",
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: TRUE.has((env.S3_FORCE_PATH_STYLE ?? "").trim().toLowerCase()),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

/** Storage keys are "<yyyy>/<sha256>"; anything else never reaches a disk path or a bucket. */
export function assertStorageKey(storageKey: string): void {
  if (!/^\d{4}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error("invalid storage key");
}
