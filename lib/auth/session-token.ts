// The session cookie's encrypted JWT, in the exact format next-auth v4 writes (JWE "dir" +
// A256GCM, key = HKDF-SHA256(secret, "", "NextAuth.js Generated Encryption Key", 32 bytes)), but
// with the derived key kept per secret. next-auth derives it again on every request; under load
// (every chat message, every page) that HKDF was a few percent of the server's CPU.
import { createSecretKey, hkdfSync, randomUUID, type KeyObject } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";

const INFO = "NextAuth.js Generated Encryption Key";
// next-auth's own tolerance, so a token valid for next-auth is valid here and back.
const CLOCK_TOLERANCE_SECONDS = 15;
const keys = new Map<string, KeyObject>();

function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(hkdfSync("sha256", secret, "", INFO, 32)));
    // Secrets rotate rarely; a handful of entries at most.
    if (keys.size > 8) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** The token's claims, or null when it is missing, tampered with, expired or for another secret. */
export async function decodeSessionToken(token: string | undefined | null, secret: string): Promise<JWT | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
    return payload as JWT;
  } catch {
    return null;
  }
}

export async function encodeSessionToken(claims: Record<string, unknown>, secret: string, maxAgeSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + maxAgeSeconds)
    .setJti(randomUUID())
    .encrypt(keyFor(secret));
}
