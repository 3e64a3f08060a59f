import { describe, expect, it } from "vitest";
import { assertStorageKey, uploadStoreConfig } from "@/lib/uploads/config";

describe("uploadStoreConfig", () => {
  it("keeps files on disk when no bucket is set", () => {
    expect(uploadStoreConfig({}, "/data/uploads")).toEqual({ kind: "disk", root: "/data/uploads" });
    expect(uploadStoreConfig({ S3_BUCKET: "  ", S3_REGION: "eu-west-1" }, "/d")).toEqual({ kind: "disk", root: "/d" });
  });

  it("uses S3 with the given region, endpoint, path style and keys", () => {
    expect(
      uploadStoreConfig(
        { S3_BUCKET: "loket", S3_REGION: "eu-central-1", S3_ENDPOINT: "https://minio.example:9000", S3_FORCE_PATH_STYLE: "TRUE", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" },
        "/d",
      ),
    ).toEqual({ kind: "s3", bucket: "loket", region: "eu-central-1", endpoint: "https://minio.example:9000", forcePathStyle: true, credentials: { accessKeyId: "id", secretAccessKey: "secret" } });
  });

  it("leaves credentials to the SDK's default chain and falls back on AWS_REGION", () => {
    expect(uploadStoreConfig({ S3_BUCKET: "loket", AWS_REGION: "eu-west-1", S3_FORCE_PATH_STYLE: "no" }, "/d")).toEqual({
      kind: "s3",
      bucket: "loket",
      region: "eu-west-1",
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
    expect(uploadStoreConfig({ S3_BUCKET: "loket" }, "/d")).toMatchObject({ region: "us-east-1" });
  });

  it("refuses half a key pair instead of silently using other credentials", () => {
    expect(() => uploadStoreConfig({ S3_BUCKET: "loket", S3_ACCESS_KEY_ID: "id" }, "/d")).toThrow(/together/);
  });
});

describe("assertStorageKey", () => {
  it("accepts only <yyyy>/<sha256>", () => {
    expect(() => assertStorageKey(`2026/${"a".repeat(64)}`)).not.toThrow();
    for (const bad of ["../x", `2026/${"A".repeat(64)}`, `2026/${"a".repeat(63)}`, `26/${"a".repeat(64)}`, `2026/${"a".repeat(64)}/..`]) {
      expect(() => assertStorageKey(bad)).toThrow();
    }
  });
});
