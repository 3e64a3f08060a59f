import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeReturnPath } from "@/lib/security/return-path";
import { ssoConfig } from "@/lib/sso/config";
import { ssoSignIn } from "@/lib/sso/next-auth";
import { ssoProviders } from "@/lib/sso/providers";
import { db } from "@/lib/db/client";
import { clientIp, consumeRateLimit, refundRateLimit, resetRateLimit } from "@/lib/security/rate-limit";
import { authSecret, DEVICE_COOKIE, totpKeyring } from "./auth-secret";
import { codeStep, enrolledStep, LoginRefusal, passwordStep, tokenFromCookies, type LoginContext } from "./login-flow";
import { endSession } from "./sessions";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { cookieFrom } from "./two-factor-rules";

const SESSION_HOURS = 8;

type RequestLike = { headers?: Record<string, unknown> } | undefined;

function header(req: RequestLike, name: string): string | null {
  const value = req?.headers?.[name];
  return typeof value === "string" ? value : null;
}

function cookieHeader(req: RequestLike): string | null {
  return header(req, "cookie");
}

function contextOf(req: RequestLike): LoginContext {
  return {
    key: authSecret(),
    totpKeys: totpKeyring(),
    now: new Date(),
    ip: clientIp({ get: (name) => header(req, name.toLowerCase()) }),
    userAgent: header(req, "user-agent"),
    limits: { consume: consumeRateLimit, reset: resetRateLimit, refund: refundRateLimit },
  };
}

/**
 * Refusals reach the form as their code; anything else (the database or the rate-limit store down)
 * is logged here and reaches the browser as a bare "UNEXPECTED", never as the error's own text.
 */
async function guarded(step: string, run: () => Promise<User>): Promise<User> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LoginRefusal) throw error;
    console.error(`[auth ${step}] failed`, error instanceof Error ? error.stack : error);
    throw new Error("UNEXPECTED");
  }
}

// The steps themselves live in login-flow.ts; these providers only hand them the request's cookies.
export const authOptions: NextAuthOptions = {
  // A getter: read per request, so `next build` does not need the secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  // next-auth's own format with the derived key cached (lib/auth/session-token.ts).
  jwt: {
    encode: ({ token, secret, maxAge }) => encodeSessionToken({ ...token }, String(secret), maxAge ?? SESSION_HOURS * 60 * 60),
    decode: ({ token, secret }) => decodeSessionToken(token, String(secret)),
  },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, req) =>
        guarded("password", () => passwordStep(db, credentials, cookieFrom(cookieHeader(req), DEVICE_COOKIE), contextOf(req))),
    }),
    CredentialsProvider({
      // The second step: completes the pending session found in the request's cookie.
      id: "two-factor",
      name: "two-factor",
      credentials: { code: { type: "text" } },
      authorize: (credentials, req) =>
        guarded("code", async () => codeStep(db, await tokenFromCookies(cookieHeader(req), authSecret()), credentials?.code, contextOf(req))),
    }),
    CredentialsProvider({
      // A staff member held for enrolment continues once their TOTP is confirmed.
      id: "totp-enrolled",
      name: "totp-enrolled",
      credentials: { proof: { type: "text" } },
      authorize: (credentials, req) =>
        guarded("enrolled", async () => enrolledStep(db, await tokenFromCookies(cookieHeader(req), authSecret()), credentials?.proof, contextOf(req))),
    }),
    // Single sign-on (lib/sso): only the identity providers configured in the environment.
    ...ssoProviders(ssoConfig()),
  ],
  events: {
    // Backstop for a sign-out that did not go through logoutAction: the server-side session ends.
    async signOut({ token }) {
      if (!token?.sid || !token.uid) return;
      // Never in the way of clearing the cookie.
      await db
        .$transaction((tx) => endSession(tx, { sid: token.sid!, userId: token.uid }, new Date()))
        .catch((error: unknown) => console.error("[auth signOut] failed", error instanceof Error ? error.stack : error));
    },
  },
  callbacks: {
    // The credential steps did their own checks; an OpenID Connect login is mapped to its account here.
    signIn({ user, account, profile }) {
      if (account?.type !== "oauth") return true;
      return ssoSignIn(account.provider, { ...profile }, user);
    },
    // Only our own origin (lib/security/return-path.ts). next-auth's default accepted any value
    // starting with "/", so "/\t/evil.example" became "//evil.example" in the browser.
    redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      return `${origin}${safeReturnPath(url, origin)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sv;
        token.tfa = user.tfa;
        token.tfaMethod = user.tfaMethod;
        token.tfaChallenge = user.tfaChallenge;
        token.tfaNonce = user.tfaNonce;
        token.sid = user.sid;
        token.tfaAt = user.tfaAt;
        token.mfa = user.mfa;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
      session.sv = token.sv;
      session.tfaPending = token.tfa === "pending";
      session.tfaEnrol = token.tfa === "enrol";
      session.mfa = token.mfa === true;
      session.tfaAt = token.tfaAt;
      session.tfaMethod = token.tfaMethod;
      return session;
    },
  },
};
