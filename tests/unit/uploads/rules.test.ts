import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, pickedFiles, safeFileName, sniffMime, storageKeyOf, validateUploads } from "@/lib/uploads/rules";

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const EXE = bytes(0x4d, 0x5a, 0x90, 0x00);

describe("sniffMime", () => {
  it("knows PDF, PNG and JPEG by their first bytes, whatever the name", () => {
    expect(sniffMime(PDF)).toBe("application/pdf");
    expect(sniffMime(PNG)).toBe("image/png");
    expect(sniffMime(JPEG)).toBe("image/jpeg");
    expect(sniffMime(EXE)).toBeNull();
    expect(sniffMime(bytes(0x25, 0x50))).toBeNull();
  });

  it("refuses anything not starting with an allowed signature", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 16 }), (b) => {
        const known = sniffMime(b);
        if (known === null) return true;
        return b[0] === 0x25 || b[0] === 0x89 || b[0] === 0xff;
      }),
    );
  });
});

describe("validateUploads", () => {
  const file = (b: Uint8Array, name = "x.pdf") => ({ name, type: "application/pdf", bytes: b });
  it("accepts up to three allowed files", () => {
    expect(validateUploads([])).toEqual({ ok: true });
    expect(validateUploads([file(PDF), file(PNG), file(JPEG)])).toEqual({ ok: true });
  });
  it("refuses a fourth file, an oversized file, an empty file and a renamed executable", () => {
    expect(validateUploads([file(PDF), file(PDF), file(PDF), file(PDF)])).toEqual({ ok: false, reason: "TOO_MANY_FILES" });
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(PDF);
    expect(validateUploads([file(big)])).toEqual({ ok: false, reason: "FILE_TOO_LARGE" });
    expect(validateUploads([file(new Uint8Array(0))])).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
    expect(validateUploads([file(EXE, "factuur.pdf")])).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
  });
});

describe("safeFileName", () => {
  it("drops paths and control characters and sets the extension of the real content", () => {
    expect(safeFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\scan.PDF", "image/png")).toBe("scan.png");
    expect(safeFileName("  ", "image/jpeg")).toBe("bijlage.jpg");
    expect(safeFileName('a"<b>.pdf', "application/pdf")).toBe("ab.pdf");
  });
});

describe("storageKeyOf", () => {
  it("is year/sha256 and refuses anything else", () => {
    expect(storageKeyOf(2026, "a".repeat(64))).toBe(`2026/${"a".repeat(64)}`);
    expect(() => storageKeyOf(2026, "../x")).toThrow();
  });
});

describe("pickedFiles", () => {
  it("leaves out the empty part of an input with nothing picked, and keeps a picked file of 0 bytes for the checks to refuse", () => {
    const form = new FormData();
    form.append("files", new File([], ""));
    form.append("files", new File([], "blob", { type: "application/octet-stream" }));
    form.append("files", new File([], "leeg.pdf", { type: "application/pdf" }));
    form.append("files", new File(["%PDF-1.4"], "brief.pdf", { type: "application/pdf" }));
    form.append("other", new File(["x"], "x.pdf"));
    expect(pickedFiles(form, "files").map((f) => [f.name, f.size])).toEqual([["leeg.pdf", 0], ["brief.pdf", 8]]);
  });
});
