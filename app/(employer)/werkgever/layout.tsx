import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { PlaceMessages } from "@/components/layout/place-messages";
import { AppShell, type NavItem } from "@/components/layout/app-shell";
import { can } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { areaTitle } from "@/lib/i18n/page-title";

export const dynamic = "force-dynamic";

// Every page title below ends in the place and the brand (lib/i18n/page-title.ts).
export const generateMetadata = () => areaTitle("employer");

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser("/werkgever");
  // Another place: 403 with the friendly "no access" page (app/forbidden.tsx).
  if (!can(user, "employer.enter")) forbidden();
  const t = await getTranslations("werkgever.nav");
  const nav: NavItem[] = [{ href: "/werkgever", label: t("home") }];
  if (can(user, "employer.request.submit")) {
    nav.push({ href: "/werkgever/vragen/nieuw", label: t("question") }, { href: "/werkgever/spoed", label: t("urgent") });
  }
  if (can(user, "employer.ticket.read")) nav.push({ href: "/werkgever/overzicht", label: (await getTranslations("serviceOverview"))("nav") });
  if (can(user, "employer.escalation.raise")) nav.push({ href: "/werkgever/escalaties", label: t("escalations") });
  nav.push({ href: "/werkgever/klacht", label: t("complaint") });
  if (can(user, "employer.hrdesk.use")) nav.push({ href: "/werkgever/hr-desk", label: t("hrDesk") });
  if (can(user, "employer.users.manage")) nav.push({ href: "/werkgever/accounts", label: t("accounts") });
  nav.push({ href: "/werkgever/contact", label: t("contact") });
  nav.push({ href: "/werkgever/beveiliging", label: t("security") });
  return (
    <PlaceMessages place="employer">
      <AppShell place="werkgever" user={user} nav={nav}>
        {children}
      </AppShell>
    </PlaceMessages>
  );
}
