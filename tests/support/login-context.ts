// The context the login steps get from next-auth's authorize callbacks (lib/auth/options.ts), for
// tests: fixed keys and moment, and rate limits that never refuse unless a test passes its own.
import { authSecret, totpKeyring } from "@/lib/auth/auth-secret";
import type { LoginContext } from "@/lib/auth/login-flow";

export const NO_LIMITS: LoginContext["limits"] = { consume: async () => ({ ok: true }), reset: async () => {} };

export function loginContext(now: Date, overrides: Partial<LoginContext> = {}): LoginContext {
  return { key: authSecret(), totpKeys: totpKeyring(), now, ip: "203.0.113.7", userAgent: "vitest", limits: NO_LIMITS, ...overrides };
}
