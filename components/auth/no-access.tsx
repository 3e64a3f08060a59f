import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { homePath, type Place } from "@/lib/auth/rules";
import type { SessionUser } from "@/lib/auth/session";

/** Shown, with HTTP 200 and no data, when a signed-in person opens another place. */
export async function NoAccess({ user, place }: { user: SessionUser; place: Place }) {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto mt-16 max-w-xl rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("noAccess.title")}</h1>
      <p className="mt-3 text-slate-700">
        {t("noAccess.body", { role: t(`roles.${user.role}`), place: t(`places.${place}`) })}
      </p>
      <p className="mt-6">
        <Link href={homePath(user.role)} className="font-medium">
          {t("noAccess.goHome")}
        </Link>
      </p>
    </main>
  );
}
