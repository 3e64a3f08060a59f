import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/auth/logout-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { can } from "@/lib/auth/permissions";
import type { Place } from "@/lib/auth/rules";
import type { SessionUser } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/queries";
import { BrandMark } from "./brand-mark";
import { LanguageSwitch } from "./language-switch";

export interface NavItem {
  href: string;
  label: string;
}

/** The frame of every signed-in place: who you are, where you are, where you can go. */
export async function AppShell({
  place,
  user,
  nav,
  children,
}: {
  place: Place;
  user: SessionUser;
  nav: NavItem[];
  children: React.ReactNode;
}) {
  const t = await getTranslations();
  // The bell for staff; the portals have no inbox (yet).
  const bell = place === "agent" && can(user, "account.notifications.manage") ? await unreadCount(user.id) : null;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-baseline gap-3">
            <Link href={`/${place}`} className="text-lg font-semibold text-white no-underline hover:no-underline">
              <BrandMark />
            </Link>
            <span className="text-sm text-brand-100" data-testid="place-name">
              {t(`places.${place}`)}
            </span>
          </div>
          {/* Wraps on a phone: the person on a line of their own, then the bell, password, language and logout. */}
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span data-testid="current-user" className="min-w-0 basis-full [overflow-wrap:anywhere] sm:basis-auto">
              {t("app.loggedInAs", { name: user.name })}
              <span className="text-brand-100">
                {" "}
                · {t(`roles.${user.role}`)}
                {user.organisationName ? ` · ${user.organisationName}` : ""}
              </span>
            </span>
            {bell !== null ? <NotificationBell key={bell} initialUnread={bell} /> : null}
            <Link href={`/${place}/wachtwoord`} className="text-white underline-offset-2 hover:underline">
              {t("passwordChange.link")}
            </Link>
            <LanguageSwitch />
            <LogoutButton />
          </div>
        </div>
        <nav aria-label={t("app.mainNav")} className="bg-brand-800">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="inline-block px-3 py-2 text-sm font-medium text-white no-underline hover:bg-brand-600 hover:no-underline"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
