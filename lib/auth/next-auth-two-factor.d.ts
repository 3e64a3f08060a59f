// The login fields the session token carries (see lib/auth/options.ts and login-flow.ts).
import type { TwoFactorMethod } from "./two-factor-rules";

declare module "next-auth" {
  interface User {
    /** "pending": a code is due; "enrol": a staff member must enrol TOTP first. */
    tfa?: "pending" | "enrol";
    tfaMethod?: TwoFactorMethod;
    /** The server-side LoginChallenge of a pending code step (attempts are counted there). */
    tfaChallenge?: string;
    /** Binds a staff member's enrolment to the held login that did it. */
    tfaNonce?: string;
    tfaAt?: number;
    /** A second factor was passed in this login (a code, a remembered device, or enrolment). */
    mfa?: boolean;
    /** The server-side AuthSession of a completed login; logout ends it. */
    sid?: string;
  }
  interface Session {
    tfaPending?: boolean;
    tfaEnrol?: boolean;
    mfa?: boolean;
    tfaAt?: number;
    tfaMethod?: TwoFactorMethod;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    tfa?: "pending" | "enrol";
    tfaMethod?: TwoFactorMethod;
    tfaChallenge?: string;
    tfaNonce?: string;
    tfaAt?: number;
    mfa?: boolean;
    sid?: string;
  }
}
