"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function LogoutButton() {
  const t = useTranslations("app");
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="rounded border border-brand-100/60 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800"
    >
      {t("logout")}
    </button>
  );
}
