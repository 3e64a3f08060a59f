import "server-only";

/** The key that signs sessions; also keys the TOTP encryption and device tokens. */
export function authSecret(): string {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value && process.env.NODE_ENV === "production") {
    // Refuse rather than run with a guessable or missing key.
    throw new Error("AUTH_SECRET is not set: sessions cannot be signed. Set AUTH_SECRET and restart.");
  }
  return value ?? "loket-development-only-secret";
}

export const DEVICE_COOKIE = "loket-device";
