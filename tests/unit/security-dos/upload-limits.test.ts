import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, MAX_FILES, UPLOAD_REQUEST_LIMIT_BYTES, uploadRefusalOf } from "@/lib/uploads/rules";

// Hole 7 of issue 13: the upload rule allows 3 files of 10 MB, but server actions took 1 MB, so a
// 2 MB attachment ended in a 500. The transport limit must carry what the rule allows, and the
// browser must refuse what the rule refuses before sending it.

const MB = 1024 * 1024;
const file = (bytes: number, name = "scan.pdf") => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
function form(fields: [string, string | File][]) {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

// next.config.js is plain JavaScript without types: imported by URL, read as unknown.
const nextConfig: unknown = (await import(pathToFileURL(path.resolve(import.meta.dirname, "../../../next.config.js")).href)).default;

describe("the server actions' body limit in next.config.js", () => {
  const limit = (nextConfig as { experimental?: { serverActions?: { bodySizeLimit?: unknown } } }).experimental?.serverActions?.bodySizeLimit;

  it("is the upload rule's request limit", () => {
    expect(UPLOAD_REQUEST_LIMIT_BYTES).toBeGreaterThan(MAX_FILE_BYTES);
    expect(limit).toBe(UPLOAD_REQUEST_LIMIT_BYTES);
  });

  it("is also the proxy's body limit (proxy.ts buffers request bodies, 10 MB by default, and cuts off the rest)", () => {
    const proxyLimit = (nextConfig as { experimental?: { proxyClientMaxBodySize?: unknown } }).experimental?.proxyClientMaxBodySize;
    expect(proxyLimit).toBe(UPLOAD_REQUEST_LIMIT_BYTES);
  });

  it("carries the most files the rule allows, with room for the text fields", () => {
    expect(UPLOAD_REQUEST_LIMIT_BYTES).toBeGreaterThanOrEqual(MAX_FILES * MAX_FILE_BYTES + 256 * 1024);
  });
});

describe("uploadRefusalOf, the browser's check before sending a form", () => {
  it("lets a form with files within the rule through", () => {
    expect(uploadRefusalOf(form([["subject", "Jaaropgave"], ["files", file(2 * MB)]]))).toBeNull();
    expect(uploadRefusalOf(form([["files", file(MAX_FILE_BYTES)], ["files", file(MAX_FILE_BYTES)], ["files", file(MAX_FILE_BYTES)]]))).toBeNull();
  });

  it("ignores the empty part a file input sends when nothing was picked", () => {
    const empties: [string, File][] = Array.from({ length: 5 }, () => ["files", file(0, "")]);
    expect(uploadRefusalOf(form(empties))).toBeNull();
  });

  it("refuses a file above 10 MB as FILE_TOO_LARGE on its field", () => {
    expect(uploadRefusalOf(form([["body", "x"], ["files", file(2 * MB)], ["files", file(MAX_FILE_BYTES + 1)]]))).toEqual({ field: "files", reason: "FILE_TOO_LARGE" });
  });

  it("refuses a fourth file as TOO_MANY_FILES", () => {
    const four: [string, File][] = Array.from({ length: 4 }, () => ["files", file(1024)]);
    expect(uploadRefusalOf(form(four))).toEqual({ field: "files", reason: "TOO_MANY_FILES" });
  });
});
