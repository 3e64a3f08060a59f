"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { signIn, signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { rememberDeviceAction } from "@/lib/auth/actions";
import { afterLoginUrl } from "@/lib/auth/rules";
import { refusalOf, type Refusal } from "./login-errors";

const KNOWN = new Set(["WRONG_CODE", "REPLAYED_CODE", "CODE_EXPIRED", "SESSION_EXPIRED", "TOO_MANY_ATTEMPTS", "REQUIRED"]);
// After these the login is over: the code field goes, and the way on is to log in again.
const ENDED = new Set(["TOO_MANY_ATTEMPTS", "CODE_EXPIRED", "SESSION_EXPIRED"]);
// Texts of their own (common.json), beside the place's two-factor texts.
const LIMITS = new Set(["TOO_MANY_ATTEMPTS", "RATE_LIMITED"]);

export function TwoFactorForm({ method, callbackUrl }: { method: "TOTP" | "MAIL"; callbackUrl: string }) {
  const t = useTranslations("werkgeverAuth.twoFactor");
  const tl = useTranslations("login");
  const [error, setError] = useState<Refusal | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get("code") ?? "").trim();
    if (!code) {
      setError({ key: "REQUIRED" });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("two-factor", { code, redirect: false });
      if (result?.ok && !result.error) {
        if (form.get("remember") === "on") await rememberDeviceAction();
        window.location.assign(afterLoginUrl(callbackUrl));
        return;
      }
      setError(refusalOf(result?.error, KNOWN));
    } catch {
      setError({ key: "GENERIC" });
    }
    setPending(false);
  }

  const message = error
    ? LIMITS.has(error.key)
      ? tl(`codeErrors.${error.key}`, { minutes: error.minutes ?? 0 })
      : t(`errors.${error.key}`)
    : null;

  if (error && ENDED.has(error.key)) {
    return (
      <div className="mt-6 space-y-4">
        <ErrorNote>{message}</ErrorNote>
        <button
          type="button"
          // Clears the finished pending login's cookie, then the login page starts afresh.
          onClick={() => void signOut({ callbackUrl: `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` })}
          className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {tl("loginAgain")}
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {message ? <ErrorNote>{message}</ErrorNote> : null}
      <div>
        <label htmlFor="code" className="block text-sm font-medium text-slate-800">{t(method === "MAIL" ? "mailCode" : "totpCode")}</label>
        <p id="code-hint" className="text-sm text-slate-600">{t(method === "MAIL" ? "mailHint" : "totpHint")}</p>
        <input
          id="code"
          name="code"
          inputMode={method === "MAIL" ? "numeric" : "text"}
          autoComplete="one-time-code"
          aria-describedby="code-hint"
          required
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 font-mono tracking-widest"
        />
      </div>
      <div className="flex items-center gap-2">
        <input id="remember" name="remember" type="checkbox" className="h-4 w-4" />
        <label htmlFor="remember" className="text-sm">{t("remember")}</label>
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
