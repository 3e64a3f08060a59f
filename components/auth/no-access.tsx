import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { homePath, type Place } from "@/lib/auth/rules";
import type { SessionUser } from "@/lib/auth/session";

/**
 * The "no access" page (sent with HTTP 403 through app/forbidden.tsx), without any data: for a
 * person who opens another place (`place`), or a page of their own place they hold no right for.
 */
export async function NoAccess({ user, place }: { user: SessionUser; place: Place | null }) {
  const t = await getTranslations();
  const role = t(`roles.${user.role}`);
  return (
    <main id="main" className="mx-auto mt-16 max-w-xl rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">{t("noAccess.title")}</h1>
      <p className="mt-3 text-slate-700">
        {place ? t("noAccess.body", { role, place: t(`places.${place}`) }) : t("noAccess.pageBody", { role })}
      </p>
      <p className="mt-6">
        <Link href={homePath(user.role)} className="font-medium">
          {t("noAccess.goHome")}
        </Link>
      </p>
    </main>
  );
}
