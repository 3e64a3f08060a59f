import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";

/**
 * The key of the BSN/KvK hashes. LOKET_IDENTIFIER_HASH_KEY in production, so that rotating
 * AUTH_SECRET does not undo every DigiD link; without it a key derived from AUTH_SECRET.
 */
export function identifierHashKey(): string {
  const configured = process.env.LOKET_IDENTIFIER_HASH_KEY?.trim();
  return configured || createHmac("sha256", authSecret()).update("loket-identifier-hash-v1").digest("hex");
}
