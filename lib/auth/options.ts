import "server-only";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authSecret, DEVICE_COOKIE } from "./auth-secret";
import { attemptLogin } from "./mutations";
import { loginSchema } from "./schema";
import { sendMailCode, TwoFactorError, verifySecondFactor } from "./two-factor";
import { cookieFrom, deviceTokenValid } from "./two-factor-rules";

const SESSION_HOURS = 8;
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function cookieHeader(req: { headers?: Record<string, unknown> } | undefined): string | null {
  const value = req?.headers?.cookie;
  return typeof value === "string" ? value : null;
}

export const authOptions: NextAuthOptions = {
  // A getter: read per request, so `next build` does not need the secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        // The message is a code the login form translates; next-auth passes it through as `error`.
        if (!parsed.success) throw new Error("INVALID_CREDENTIALS");
        const now = new Date();
        const outcome = await attemptLogin(db, parsed.data, now);
        if (!outcome.ok) throw new Error(outcome.reason);
        const { user } = outcome;
        const base = { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
        if (!user.secondFactor) return base;
        // A device the user chose to remember skips the second factor for 30 days.
        if (deviceTokenValid(cookieFrom(cookieHeader(req), DEVICE_COOKIE), user.id, now, authSecret())) return base;
        if (user.secondFactor === "MAIL") {
          const mailed = await db.$transaction((tx) => sendMailCode(tx, user.id, authSecret(), now));
          return { ...base, tfa: "pending", tfaMethod: "MAIL", tfaNonce: mailed.nonce, tfaCodeHash: mailed.codeHash };
        }
        return { ...base, tfa: "pending", tfaMethod: "TOTP" };
      },
    }),
    CredentialsProvider({
      // The second step: completes the pending session found in the request's cookie.
      id: "two-factor",
      name: "two-factor",
      credentials: { code: { type: "text" } },
      async authorize(credentials, req) {
        const header = cookieHeader(req);
        const raw = SESSION_COOKIES.map((name) => cookieFrom(header, name)).find(Boolean);
        const token = raw ? await decode({ token: raw, secret: authSecret() }).catch(() => null) : null;
        if (!token?.uid || token.tfa !== "pending" || !token.tfaMethod) throw new Error("SESSION_EXPIRED");
        const code = typeof credentials?.code === "string" ? credentials.code.slice(0, 64) : "";
        const now = new Date();
        const user = await db.user.findUnique({ where: { id: token.uid } });
        if (!user?.active || user.sessionVersion !== token.sv) throw new Error("SESSION_EXPIRED");
        try {
          await db.$transaction((tx) =>
            verifySecondFactor(tx, { userId: user.id, method: token.tfaMethod!, nonce: token.tfaNonce, codeHash: token.tfaCodeHash }, code, authSecret(), now),
          );
        } catch (error) {
          if (error instanceof TwoFactorError) throw new Error(error.code);
          throw error;
        }
        return { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion, tfaAt: now.getTime() };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sv;
        token.tfa = user.tfa;
        token.tfaMethod = user.tfaMethod;
        token.tfaNonce = user.tfaNonce;
        token.tfaCodeHash = user.tfaCodeHash;
        token.tfaAt = user.tfaAt;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
      session.sv = token.sv;
      session.tfaPending = token.tfa === "pending";
      session.tfaAt = token.tfaAt;
      session.tfaMethod = token.tfaMethod;
      return session;
    },
  },
};
