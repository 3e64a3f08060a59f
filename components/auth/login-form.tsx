"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { afterLoginUrl } from "@/lib/auth/rules";
import { refusalOf } from "./login-errors";

// Single sign-on refusals (lib/sso/login.ts) and the password login's refusal when staff must use SSO.
const SSO_ERRORS = ["SSO_UNKNOWN", "SSO_INACTIVE", "SSO_CITIZEN_UNKNOWN", "SSO_COMPANY_MISMATCH", "SSO_NO_IDENTIFIER", "SSO_FAILED", "SSO_REQUIRED"];

// No "LOCKED": a locked account is answered like a wrong password, so the form cannot tell anyone
// that an address has an account (its owner learns of the lock by mail).
const KNOWN_ERRORS = new Set(["INVALID_CREDENTIALS", "SESSION_EXPIRED", "REQUIRED", "ORGANISATION_INACTIVE", ...SSO_ERRORS]);
const loginErrorOf = (code: string | null | undefined) => refusalOf(code, KNOWN_ERRORS);

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string | null; initialError: string | null }) {
  const t = useTranslations("login");
  const tr = useTranslations("passwordReset");
  const to = useTranslations("orgAdminLogin");
  const ts = useTranslations("sso.errors");
  const [error, setError] = useState<{ key: string; minutes?: number } | null>(initialError ? loginErrorOf(initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError({ key: "REQUIRED" });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation so every server component sees the new session cookie.
        window.location.assign(afterLoginUrl(callbackUrl));
        return;
      }
      setError(loginErrorOf(result?.error));
    } catch {
      setError({ key: "GENERIC" });
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {error ? (
        <ErrorNote>
          {error.key === "ORGANISATION_INACTIVE"
            ? to("ORGANISATION_INACTIVE")
            : SSO_ERRORS.includes(error.key)
              ? ts(error.key)
              : t(`errors.${error.key}`, { minutes: error.minutes ?? 0 })}
        </ErrorNote>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-center text-sm">
        <a href="/wachtwoord-vergeten">{tr("link")}</a>
      </p>
    </form>
  );
}
