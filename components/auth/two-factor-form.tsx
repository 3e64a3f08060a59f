"use client";
import { ErrorNote } from "@/components/ui/form-action";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { rememberDeviceAction } from "@/lib/auth/actions";

const KNOWN = new Set(["WRONG_CODE", "REPLAYED_CODE", "CODE_EXPIRED", "SESSION_EXPIRED", "REQUIRED"]);

export function TwoFactorForm({ method, callbackUrl }: { method: "TOTP" | "MAIL"; callbackUrl: string }) {
  const t = useTranslations("werkgeverAuth.twoFactor");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get("code") ?? "").trim();
    if (!code) {
      setError("REQUIRED");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("two-factor", { code, redirect: false });
      if (result?.ok && !result.error) {
        if (form.get("remember") === "on") await rememberDeviceAction();
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error && KNOWN.has(result.error) ? result.error : "GENERIC");
    } catch {
      setError("GENERIC");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {error ? (
        <ErrorNote>{t(`errors.${error}`)}</ErrorNote>
      ) : null}
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
