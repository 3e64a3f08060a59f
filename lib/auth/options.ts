import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { attemptLogin } from "./mutations";
import { loginSchema } from "./schema";

const SESSION_HOURS = 8;

function secret(): string | undefined {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value && process.env.NODE_ENV === "production") {
    // Refuse rather than run with a guessable or missing key.
    throw new Error("AUTH_SECRET is not set: sessions cannot be signed. Set AUTH_SECRET and restart.");
  }
  return value ?? "loket-development-only-secret";
}

export const authOptions: NextAuthOptions = {
  // A getter: read per request, so `next build` does not need the secret.
  get secret() {
    return secret();
  },
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        // The message is a code the login form translates; next-auth passes it through as `error`.
        if (!parsed.success) throw new Error("INVALID_CREDENTIALS");
        const outcome = await attemptLogin(db, parsed.data, new Date());
        if (!outcome.ok) throw new Error(outcome.reason);
        const { user } = outcome;
        return { id: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sv;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
      session.sv = token.sv;
      return session;
    },
  },
};
