"use client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { ErrorNote } from "@/components/ui/form-action";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { logOutEverywhereAction } from "@/lib/auth/actions";

/** "Log out everywhere": ends every session of the person on the server, then this browser's cookie. */
export function LogoutEverywhere() {
  const t = useTranslations("logoutEverywhere");
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const [ask, confirmDialog] = useConfirm();
  return (
    <section aria-labelledby="logout-everywhere-title" className="mt-6 max-w-lg space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {confirmDialog}
      <h2 id="logout-everywhere-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {failed ? <ErrorNote>{t("failed")}</ErrorNote> : null}
      <button
        type="button"
        data-testid="logout-everywhere"
        disabled={pending}
        onClick={async () => {
          if (!(await ask(t("confirm")))) return;
          setPending(true);
          setFailed(false);
          const result = await logOutEverywhereAction().catch(() => null);
          if (result?.ok) {
            await signOut({ callbackUrl: "/login" });
            return;
          }
          setFailed(true);
          setPending(false);
        }}
        className="rounded border border-red-700 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </section>
  );
}
