// The two-factor fields the session token carries (see lib/auth/options.ts).
import type { TwoFactorMethod } from "./two-factor-rules";

declare module "next-auth" {
  interface User {
    tfa?: "pending";
    tfaMethod?: TwoFactorMethod;
    tfaNonce?: string;
    tfaCodeHash?: string;
    tfaAt?: number;
  }
  interface Session {
    tfaPending?: boolean;
    tfaAt?: number;
    tfaMethod?: TwoFactorMethod;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    tfa?: "pending";
    tfaMethod?: TwoFactorMethod;
    tfaNonce?: string;
    tfaCodeHash?: string;
    tfaAt?: number;
  }
}
