"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { logoutAction } from "@/lib/auth/actions";

export function LogoutButton() {
  const t = useTranslations("app");
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // First end the session on the server (a saved copy of the cookie then opens nothing),
        // then let next-auth clear the cookie; its sign-out event ends the session too if this failed.
        await logoutAction().catch(() => null);
        await signOut({ callbackUrl: "/login" });
      }}
      className="rounded border border-brand-100/60 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {t("logout")}
    </button>
  );
}
