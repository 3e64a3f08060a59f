// Base32 (RFC 4648, section 6), the alphabet authenticator apps read TOTP secrets in. Ours, because
// otplib's default codec (thirty-two) calls the deprecated `new Buffer()` on every code checked
// (Node's DEP0005 warning at each login).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Bytes as base32, without padding (as authenticator apps and otpauth:// URIs take it). */
export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    // Only the bits not yet written are kept, so the number stays small.
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Base32 text (any case, padded or not, spaces ignored) as bytes; throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/\s+/g, "").replace(/=+$/, "").toUpperCase();
  const out: number[] = [];
  let value = 0;
  let bits = 0;
  for (const char of clean) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new Error("not base32");
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** otplib's key codec: a base32 secret to the raw secret in `encoding` ("hex" for HMAC), and back. */
export const otplibBase32 = {
  keyDecoder: (encodedSecret: string, encoding: BufferEncoding) => base32Decode(encodedSecret).toString(encoding),
  keyEncoder: (secret: string, encoding: BufferEncoding) => base32Encode(Buffer.from(secret, encoding)),
};
