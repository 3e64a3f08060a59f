import { getTranslations } from "next-intl/server";
import { NoAccess } from "@/components/auth/no-access";
import { AppShell, type NavItem } from "@/components/layout/app-shell";
import { canEnter } from "@/lib/auth/rules";
import { requireSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/werkgever");
  if (!canEnter(user.role, "werkgever")) return <NoAccess user={user} place="werkgever" />;
  const t = await getTranslations("werkgever.nav");
  const nav: NavItem[] = [{ href: "/werkgever", label: t("home") }];
  if (user.rights.includes("SUBMIT_REQUESTS")) {
    nav.push(
      { href: "/werkgever/vragen/nieuw", label: t("question") },
      { href: "/werkgever/spoed", label: t("urgent") },
      { href: "/werkgever/escalaties", label: t("escalations") },
    );
  }
  nav.push({ href: "/werkgever/klacht", label: t("complaint") });
  if (user.hrProfessional) nav.push({ href: "/werkgever/hr-desk", label: t("hrDesk") });
  if (user.rights.includes("MANAGE_USERS")) nav.push({ href: "/werkgever/accounts", label: t("accounts") });
  nav.push({ href: "/werkgever/beveiliging", label: t("security") });
  return (
    <AppShell place="werkgever" user={user} nav={nav}>
      {children}
    </AppShell>
  );
}
