import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's minimum memory/time cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The password hash of an account that has none yet (a beneficiary created by staff or the import,
 * waiting for their invitation) or no longer (erased): no password verifies against it.
 */
export const NO_PASSWORD = "!no-password";

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (passwordHash === NO_PASSWORD) return burnVerification(password).then(() => false);
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so both answers take as long.
let dummyHash: Promise<string> | undefined;
export function burnVerification(password: string): Promise<boolean> {
  dummyHash ??= hash("not-a-real-account-password", OPTIONS);
  return dummyHash.then((h) => verifyPassword(h, password));
}
